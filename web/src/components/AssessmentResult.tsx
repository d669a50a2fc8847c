// What a recorded assessment came to, shown once the server stored it: the score and band (or
// risk level), the safety prompt when a flag raised urgent tasks (with the way to the safety plan
// editor on the client's page), the needs identified, and the answers as recorded.

import { useEffect, useRef } from 'preact/hooks';
import type { Assessment, Instrument } from '../assessmentsApi';
import { isUrgent, resultText, shortTitle } from '../assessmentLabels';
import { formatDateTime } from '../format';
import { clientHref, href } from '../router';
import { AssessmentAnswers } from './AssessmentAnswers';
import { FlagList } from './FlagList';

interface Props {
  assessment: Assessment;
  instrument: Instrument | null;
  /** The assessment corrects an earlier one. */
  correction: boolean;
  /** An earlier assessment of the same chain already raised the urgent tasks (not repeated). */
  tasksRaisedBefore: boolean;
  userName: (id: string | null) => string;
}

export function safetyPlanHref(clientId: string): string {
  return href(`/clients/${encodeURIComponent(clientId)}`, { 'safety-plan': 'edit' });
}

export function AssessmentResult({ assessment, instrument, correction, tasksRaisedBefore, userName }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urgent = assessment.flags.filter(isUrgent);
  const name = shortTitle(assessment.instrument_title);

  // Keyboard and screen-reader users land on the result (the form they were in is gone).
  useEffect(() => {
    headingRef.current?.focus();
  }, [assessment.id]);

  return (
    <section class="card assessment-result" aria-labelledby="assessment-result-heading">
      <h2 id="assessment-result-heading" tabIndex={-1} ref={headingRef} class="focus-target">
        {correction ? 'Correction recorded' : 'Assessment recorded'}
      </h2>
      <p class="result-line">
        <strong>{name}</strong>: {resultText(assessment, instrument)}
      </p>
      <p class="muted small">
        Completed {formatDateTime(assessment.completed_at)} by {userName(assessment.completed_by)}.
        {correction ? ' It replaces the earlier assessment, which stays in the record marked as corrected.' : ''}
      </p>
      {urgent.length > 0 ? (
        <div class="alert alert-error safety-prompt safety-prompt-result" role="alert">
          <h3>
            <span aria-hidden="true" class="badge-icon">
              ⚠
            </span>
            Safety flag: {urgent.map((flag) => flag.display).join('; ')}
          </h3>
          {tasksRaisedBefore ? (
            <p>
              The urgent tasks for this flag went to the case manager and their supervisor when the first assessment of
              this chain was recorded; a correction does not repeat them.
            </p>
          ) : (
            <p>
              Urgent tasks, due within the hour, went to the client’s case manager and their supervisor. Saving the safety
              plan closes them.
            </p>
          )}
          <p>
            <a class="button" href={safetyPlanHref(assessment.client_id)}>
              Create or review the safety plan
            </a>
          </p>
        </div>
      ) : null}
      <FlagList flags={assessment.flags} withoutUrgent />
      <details class="result-answers">
        <summary>Answers as recorded</summary>
        <AssessmentAnswers assessment={assessment} instrument={instrument} caption={`${name} answers`} />
      </details>
      <p class="actions">
        <a href={clientHref(assessment.client_id)}>Back to the client’s chart</a>
      </p>
    </section>
  );
}
