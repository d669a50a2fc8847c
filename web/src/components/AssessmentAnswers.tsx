// The answers of a recorded assessment as a table: each question asked (in the instrument's
// words when its definition is at hand), the answer, and the points it scored.

import type { Assessment, Instrument } from '../assessmentsApi';
import { answerDisplay, questionNumber } from '../instrumentLogic';

interface Props {
  assessment: Assessment;
  /** The definition the assessment was scored by, when loaded (else link ids stand in for questions). */
  instrument: Instrument | null;
  caption: string;
}

export function AssessmentAnswers({ assessment, instrument, caption }: Props) {
  const sameVersion = instrument && instrument.version === assessment.instrument_version ? instrument : null;
  const item = (linkId: string) => sameVersion?.items.find((i) => i.link_id === linkId) ?? instrument?.items.find((i) => i.link_id === linkId);
  const anyPoints = assessment.answers.some((answer) => answer.points !== null);
  if (assessment.answers.length === 0) return <p class="muted small">No questions were answered.</p>;
  return (
    <div class="table-wrap">
      <table class="answers-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answer</th>
            {anyPoints ? (
              <th scope="col" class="numeric">
                Points
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {assessment.answers.map((answer) => {
            const definition = item(answer.link_id);
            const number = definition ? questionNumber(definition) : null;
            return (
              <tr key={answer.link_id}>
                <th scope="row">
                  {number ? `${number}. ` : ''}
                  {definition?.text ?? answer.link_id}
                </th>
                <td class="preline">{answerDisplay(definition, answer)}</td>
                {anyPoints ? <td class="numeric">{answer.points ?? '—'}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
