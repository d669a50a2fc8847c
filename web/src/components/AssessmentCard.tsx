// One recorded assessment on the chart: the instrument, the score with its band (or the risk
// level), the flags, who completed it and when, whether it was corrected (superseded) or is itself
// a correction, the answers, and "Correct" on the newest of a chain.

import type { Assessment, Instrument } from '../assessmentsApi';
import { resultText, shortTitle } from '../assessmentLabels';
import { formatDateTime } from '../format';
import { correctAssessmentHref } from '../router';
import { AssessmentAnswers } from './AssessmentAnswers';
import { FlagList } from './FlagList';

interface Props {
  assessment: Assessment;
  instrument: Instrument | null;
  /** Every assessment of the client (to date the one this corrects or was corrected by). */
  all: Assessment[];
  canCorrect: boolean;
  userName: (id: string | null) => string;
}

export function AssessmentCard({ assessment, instrument, all, canCorrect, userName }: Props) {
  const headingId = `assessment-${assessment.id}-heading`;
  const name = shortTitle(assessment.instrument_title);
  const superseded = assessment.superseded_by !== null;
  const replaced = assessment.replaces_id ? all.find((a) => a.id === assessment.replaces_id) : null;
  const replacement = assessment.superseded_by ? all.find((a) => a.id === assessment.superseded_by) : null;

  return (
    <article class={`record assessment${superseded ? ' assessment-superseded' : ''}`} aria-labelledby={headingId}>
      <div class="record-heading">
        <h3 id={headingId}>
          {name}
          <span class="visually-hidden">, {formatDateTime(assessment.completed_at)}</span>
        </h3>
        <span>
          {superseded ? <span class="badge badge-superseded">Corrected</span> : null}
          {assessment.replaces_id ? <span class="badge badge-status">Correction</span> : null}
        </span>
      </div>
      <p class={`assessment-result-line${superseded ? ' muted' : ''}`}>{resultText(assessment, instrument)}</p>
      {!superseded ? <FlagList flags={assessment.flags} headingLevel={4} /> : null}
      <ul class="plain-list muted small record-facts">
        <li>
          Completed {formatDateTime(assessment.completed_at)} by {userName(assessment.completed_by)}
        </li>
        {superseded ? (
          <li>
            Superseded: corrected{replacement ? ` ${formatDateTime(replacement.completed_at)}` : ''}; left out of the
            trend.
          </li>
        ) : null}
        {assessment.replaces_id ? (
          <li>Corrects the assessment of {replaced ? formatDateTime(replaced.completed_at) : 'an earlier date'}.</li>
        ) : null}
      </ul>
      <details class="assessment-answers">
        <summary>Answers</summary>
        <AssessmentAnswers assessment={assessment} instrument={instrument}
          caption={`${name} answers, ${formatDateTime(assessment.completed_at)}`} />
      </details>
      {canCorrect && !superseded ? (
        <p class="actions compact-actions">
          <a class="button button-secondary button-small" href={correctAssessmentHref(assessment.client_id, assessment.id)}
            aria-describedby={headingId}>
            Correct
          </a>
        </p>
      ) : null}
    </article>
  );
}
