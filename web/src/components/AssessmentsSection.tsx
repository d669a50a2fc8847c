// The client's assessments on the chart: "New assessment" with a choice of instrument, the
// recorded assessments newest first (corrected ones marked), and for each instrument with a score
// a small trend chart of the client's scores (GET /clients/{id}/assessments/trend).

import type { Assessment, Instrument } from '../assessmentsApi';
import { getTrend, listAssessments, listInstruments } from '../assessmentsApi';
import { shortTitle } from '../assessmentLabels';
import { useResource } from '../useResource';
import { AssessmentCard } from './AssessmentCard';
import { ErrorAlert } from './ErrorAlert';
import { NewAssessmentPicker } from './NewAssessmentPicker';
import { TrendChart } from './TrendChart';

interface Props {
  clientId: string;
  refreshKey: number;
  /** The case new assessments are linked to (the client's newest open case), if any. */
  caseId: string | null;
  /** Clinical roles record and correct assessments. */
  canAssess: boolean;
  userName: (id: string | null) => string;
}

function Trend({ clientId, instrumentId, title, instrument, refreshKey }: {
  clientId: string;
  instrumentId: string;
  title: string;
  instrument: Instrument | null;
  refreshKey: number;
}) {
  const trend = useResource(() => getTrend(clientId, instrumentId), [clientId, instrumentId, refreshKey]);
  const name = shortTitle(instrument?.title ?? title);
  const headingId = `trend-${instrumentId}-heading`;
  return (
    <section class="trend-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{name} trend</h3>
      <ErrorAlert error={trend.error} />
      {trend.data ? (
        <TrendChart name={name} points={trend.data.points} idPrefix={`trend-${instrumentId}`}
          min={instrument?.scoring.min} max={instrument?.scoring.max} bands={instrument?.scoring.bands} />
      ) : null}
    </section>
  );
}

/** Instruments with a score among these assessments, the most recently used first. */
function scoredInstruments(items: Assessment[], instruments: Instrument[]): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const assessment of items) {
    if (seen.has(assessment.instrument_id)) continue;
    const definition = instruments.find((i) => i.id === assessment.instrument_id);
    const scored = definition
      ? definition.scoring.method === 'sum'
      : items.some((a) => a.instrument_id === assessment.instrument_id && a.score !== null);
    if (scored) seen.set(assessment.instrument_id, assessment.instrument_title);
  }
  return [...seen].map(([id, title]) => ({ id, title }));
}

export function AssessmentsSection({ clientId, refreshKey, caseId, canAssess, userName }: Props) {
  const assessments = useResource(() => listAssessments(clientId), [clientId, refreshKey]);
  const instruments = useResource(() => listInstruments(), []);
  const items = assessments.data?.items ?? [];
  const definitions = instruments.data?.items ?? [];
  const definition = (id: string) => definitions.find((i) => i.id === id) ?? null;
  const trends = scoredInstruments(items, definitions);

  return (
    <section class="card assessments" aria-labelledby="assessments-heading">
      <div class="card-heading">
        <h2 id="assessments-heading">Assessments</h2>
        {canAssess ? (
          <NewAssessmentPicker clientId={clientId} caseId={caseId} idPrefix="chart-assessment"
            instruments={instruments.data?.items ?? null} class="assessment-picker-inline" />
        ) : null}
      </div>
      <ErrorAlert error={assessments.error} />
      {assessments.loading && !assessments.data ? <p class="muted">Loading assessments…</p> : null}
      {assessments.data && items.length === 0 ? <p class="muted">No assessments recorded yet.</p> : null}
      {items.length > 0 ? (
        <div class="assessments-layout">
          <div>
            <h3 class="visually-hidden">Recorded assessments, newest first</h3>
            <div class="record-list">
              {items.map((assessment) => (
                <AssessmentCard key={assessment.id} assessment={assessment} instrument={definition(assessment.instrument_id)}
                  all={items} canCorrect={canAssess} userName={userName} />
              ))}
            </div>
          </div>
          {trends.length > 0 ? (
            <div class="trends">
              {trends.map((entry) => (
                <Trend key={entry.id} clientId={clientId} instrumentId={entry.id} title={entry.title}
                  instrument={definition(entry.id)} refreshKey={refreshKey} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
