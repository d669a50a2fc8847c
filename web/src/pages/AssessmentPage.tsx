// An assessment for one client: a new one with the instrument chosen on the chart (linked to the
// client's open case, or to the case chosen when there are several), or a correction of a recorded
// one, prefilled with its answers. Once recorded, the page shows the result in place of the form.

import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../api';
import { getClient, listClientCases, listPrograms } from '../api';
import type { Assessment, Instrument } from '../assessmentsApi';
import {
  correctAssessment,
  createAssessment,
  getAssessment,
  getInstrument,
  listAssessments,
} from '../assessmentsApi';
import { isUrgent, shortTitle } from '../assessmentLabels';
import { AssessmentForm } from '../components/AssessmentForm';
import { AssessmentResult } from '../components/AssessmentResult';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewAssessmentPicker } from '../components/NewAssessmentPicker';
import { SelectField } from '../components/SelectField';
import { clientName, formatDateTime, setTitle, STATUS_LABELS } from '../format';
import { findItem, valueForItem } from '../instrumentLogic';
import { clientHref, href } from '../router';
import { useResource } from '../useResource';
import { useStaff } from '../useStaff';

export type AssessmentMode =
  | { kind: 'new'; instrumentId: string | null; caseId: string | null }
  | { kind: 'correct'; assessmentId: string };

interface Props {
  clientId: string;
  mode: AssessmentMode;
}

const NO_CASE = '';

/** Open cases, newest first. */
function openCases(cases: Case[]): Case[] {
  return cases.filter((c) => c.status !== 'closed').sort((a, b) => b.opened_at.localeCompare(a.opened_at));
}

/** Whether an assessment before `assessment` in its chain carried a safety flag (its tasks are not raised again). */
function chainRaisedTasks(assessment: Assessment, all: Assessment[]): boolean {
  let earlierId = assessment.replaces_id;
  const seen = new Set<string>();
  while (earlierId && !seen.has(earlierId)) {
    seen.add(earlierId);
    const earlier = all.find((a) => a.id === earlierId);
    if (!earlier) return false;
    if (earlier.flags.some(isUrgent)) return true;
    earlierId = earlier.replaces_id;
  }
  return false;
}

export function AssessmentPage({ clientId, mode }: Props) {
  const client = useResource(() => getClient(clientId), [clientId]);
  const staff = useStaff();
  const correcting = mode.kind === 'correct';
  const original = useResource(
    () => (mode.kind === 'correct' ? getAssessment(mode.assessmentId) : Promise.resolve(null)),
    [mode.kind === 'correct' ? mode.assessmentId : null],
  );
  const instrumentId = mode.kind === 'new' ? mode.instrumentId : original.data?.instrument_id ?? null;
  const instrument = useResource(
    () => (instrumentId ? getInstrument(instrumentId) : Promise.resolve(null)),
    [instrumentId],
  );
  const cases = useResource(
    () => (mode.kind === 'new' ? listClientCases(clientId) : Promise.resolve({ items: [] as Case[] })),
    [clientId, mode.kind],
  );
  const programs = useResource(() => (mode.kind === 'new' ? listPrograms() : Promise.resolve({ items: [] })), [mode.kind]);
  const open = openCases(cases.data?.items ?? []);
  const requestedCase = mode.kind === 'new' ? mode.caseId : null;
  const [caseId, setCaseId] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<Assessment | null>(null);
  const [raisedBefore, setRaisedBefore] = useState(false);

  // The case defaults to the one the chart asked for, else the client's newest open case.
  useEffect(() => {
    if (caseId !== null || !cases.data) return;
    const preferred = open.find((c) => c.id === requestedCase) ?? open[0];
    setCaseId(preferred ? preferred.id : NO_CASE);
  }, [cases.data]);

  const def: Instrument | null = instrument.data && instrument.data.id === instrumentId ? instrument.data : null;
  const name = def ? shortTitle(def.title) : 'Assessment';
  const who = client.data ? clientName(client.data) : 'Client';

  useEffect(() => {
    if (recorded) setTitle(`${name} recorded — ${who}`);
    else if (correcting) setTitle(`Correct ${name} — ${who}`);
    else setTitle(def ? `New ${name} — ${who}` : `New assessment — ${who}`);
  }, [name, who, recorded, correcting, def]);

  const programName = (id: string) => programs.data?.items.find((p) => p.id === id)?.name ?? 'Case';
  const caseLabel = (c: Case) => `${programName(c.program_id)} (${STATUS_LABELS[c.status] ?? c.status})`;
  const back = clientHref(clientId);

  const heading = recorded
    ? `${def?.title ?? recorded.instrument_title}`
    : correcting
      ? `Correct: ${def?.title ?? original.data?.instrument_title ?? 'assessment'}`
      : def?.title ?? 'New assessment';

  let body;
  if (client.error) {
    body = (
      <p>
        <a href={back}>Back to the client’s chart</a>
      </p>
    );
  } else if (recorded) {
    body = (
      <AssessmentResult assessment={recorded} instrument={def} correction={correcting}
        tasksRaisedBefore={raisedBefore} userName={staff.name} />
    );
  } else if (mode.kind === 'new' && !mode.instrumentId) {
    body = (
      <section class="card">
        <p>Choose the instrument to fill in.</p>
        <NewAssessmentPicker clientId={clientId} caseId={mode.caseId} idPrefix="assessment-page" />
      </section>
    );
  } else if (!def || (correcting && !original.data) || (mode.kind === 'new' && caseId === null && !cases.error)) {
    const error = instrument.error ?? original.error ?? cases.error;
    body = error ? (
      <ErrorAlert error={error} />
    ) : (
      <p class="muted" role="status">
        Loading the form…
      </p>
    );
  } else if (correcting && original.data && original.data.superseded_by) {
    body = (
      <div class="alert alert-warning" role="alert">
        <p>
          This assessment was corrected already. Only the newest assessment of a chain can be corrected; open the chart
          and correct that one.
        </p>
        <p>
          <a href={back}>Back to the client’s chart</a>
        </p>
      </div>
    );
  } else {
    const stored = original.data;
    const initial: Record<string, string> = {};
    if (stored) {
      for (const answer of stored.answers) {
        const item = findItem(def, answer.link_id);
        if (item && valueForItem(item, answer.value) !== undefined) initial[answer.link_id] = answer.value;
      }
    }
    body = (
      <>
        {stored ? (
          <div class="alert alert-info">
            <p>
              Correcting the {name} recorded {formatDateTime(stored.completed_at)} by {staff.name(stored.completed_by)}.
              The correction is a new assessment scored by the same instrument version; the original stays in the record,
              marked as corrected, and leaves the trend.
            </p>
            {stored.instrument_version !== def.version ? (
              <p>
                The assessment was scored with version {stored.instrument_version} of the instrument; this form shows
                version {def.version}. The server scores the correction with version {stored.instrument_version}.
              </p>
            ) : null}
          </div>
        ) : null}
        <AssessmentForm
          key={stored?.id ?? def.id}
          instrument={def}
          initial={initial}
          labelledBy="assessment-heading"
          submitLabel={correcting ? 'Record correction' : 'Record assessment'}
          cancelHref={back}
          beforeFields={['case_id']}
          before={
            correcting
              ? undefined
              : (fieldError) =>
                  open.length > 1 ? (
                    <SelectField id="assessment-case" label="Case" value={caseId ?? NO_CASE} onChange={setCaseId}
                      error={fieldError('case_id')}
                      options={[
                        ...open.map((c) => ({ value: c.id, label: caseLabel(c) })),
                        { value: NO_CASE, label: 'No case' },
                      ]} />
                  ) : (
                    <p class="muted small assessment-case">
                      {open.length === 1 && caseId
                        ? `For the case: ${caseLabel(open[0])}.`
                        : 'Not linked to a case: the client has no open case.'}
                    </p>
                  )
          }
          save={async (answers) => {
            if (stored) {
              const chain = await listAssessments(clientId, stored.instrument_id).catch(() => ({ items: [stored] }));
              const saved = await correctAssessment(stored.id, answers);
              setRaisedBefore(chainRaisedTasks(saved, [stored, ...chain.items]));
              return saved;
            }
            return createAssessment(clientId, {
              instrument_id: def.id,
              ...(caseId ? { case_id: caseId } : {}),
              answers,
            });
          }}
          onDone={(saved) => {
            setRecorded(saved);
            window.scrollTo({ top: 0 });
          }}
        />
      </>
    );
  }

  return (
    <div class="assessment-page">
      <p class="breadcrumb">
        <a href={href('/clients')}>Clients</a> <span aria-hidden="true">›</span>{' '}
        <a href={back}>{who}</a> <span aria-hidden="true">›</span>
      </p>
      <div class="page-heading">
        <h1 id="assessment-heading">{heading}</h1>
        <p class="subtitle">
          {recorded ? 'Recorded' : correcting ? 'Correction' : 'New assessment'} for {who}
        </p>
      </div>
      <ErrorAlert error={client.error} />
      {def && !recorded ? (
        <details class="instrument-about">
          <summary>About this instrument</summary>
          <p>{def.description}</p>
          <p class="muted small">
            {def.citation} (version {def.version})
          </p>
        </details>
      ) : null}
      {body}
    </div>
  );
}
