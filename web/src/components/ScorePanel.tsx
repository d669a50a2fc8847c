// The running result beside an assessment form: the score so far and its band (or the risk level
// of a rule-scored screen), "Incomplete" until every required question asked is answered, and the
// flags the answers raise, with the safety prompt when one calls for urgent tasks. The score comes
// from the server (POST /instruments/{id}/score) as the form is filled.

import type { Instrument, ScoreResult } from '../assessmentsApi';
import { isUrgent } from '../assessmentLabels';
import { FlagList } from './FlagList';

interface Props {
  instrument: Instrument;
  score: ScoreResult | null;
  /** A score call is waiting or running. */
  updating: boolean;
  error: string | null;
  /** Required questions asked and not answered yet (worked out in the browser). */
  missing: number;
}

export function ScorePanel({ instrument, score, updating, error, missing }: Props) {
  const { method } = instrument.scoring;
  const complete = score?.complete ?? false;
  const band = score ? score.result_display ?? score.result : null;
  const urgent = score?.flags.filter(isUrgent) ?? [];
  const heading = method === 'sum' ? 'Score' : method === 'rules' ? 'Risk level' : 'Result';

  return (
    <aside class="score-panel" aria-labelledby="score-panel-heading">
      <div class="score-head">
      <h2 id="score-panel-heading" class="score-panel-heading">
        {heading}
        {updating ? <span class="score-updating muted small"> updating…</span> : null}
      </h2>
      <div class="score-summary" role="status" aria-atomic="true" id="score-summary">
        {method === 'sum' ? (
          <p class="score-line">
            <span class="visually-hidden">Score </span>
            <span class="score-value">{score?.score ?? '—'}</span>
            {instrument.scoring.max !== undefined ? (
              <span class="score-max"> of {instrument.scoring.max}</span>
            ) : null}
            {band ? <span class="score-band"> · {band}</span> : null}
          </p>
        ) : method === 'rules' ? (
          <p class="score-line">
            <span class="score-band score-band-large">{band ?? '—'}</span>
          </p>
        ) : (
          <p class="score-line muted">Not scored: the answers are recorded as given.</p>
        )}
        <p class={`score-status ${complete ? 'score-complete' : 'score-incomplete'}`}>
          <span class={`badge ${complete ? 'badge-status' : 'badge-attention'}`}>{complete ? 'Complete' : 'Incomplete'}</span>
          {!complete && missing > 0 ? (
            <span class="small">
              {' '}
              {missing} required {missing === 1 ? 'question' : 'questions'} to answer
            </span>
          ) : null}
        </p>
      </div>
      </div>
      {error ? (
        <p class="field-error small" role="alert">
          The score could not be updated: {error}
        </p>
      ) : null}
      {urgent.length > 0 ? (
        <div class="alert alert-error safety-prompt" role="alert">
          <p>
            <strong>
              <span aria-hidden="true" class="badge-icon">
                ⚠
              </span>
              Safety flag:
            </strong>{' '}
            {urgent.map((flag) => flag.display).join('; ')}.
          </p>
          <p>
            When you record this assessment, urgent tasks go to the case manager and their supervisor.{' '}
            <strong>Create or review the safety plan</strong> with the client next.
          </p>
        </div>
      ) : null}
      {score ? <FlagList flags={score.flags} withoutUrgent draft /> : null}
    </aside>
  );
}
