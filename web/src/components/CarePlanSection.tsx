// A case's care plan on the client chart: the needs (those a screen proposed set apart, with
// "Accept" and "Dismiss"; each open need with "Find services" in the directory), under each need
// its measurable goals with % achieved as a bar, under each goal its interventions and what carries
// them out; the client's or family's agreement; the editor; and the versions with what changed.

import { useRef, useState } from 'preact/hooks';
import type { Case } from '../api';
import type { CarePlan, Goal, Need, NeedStatus } from '../carePlanApi';
import { contentOf, getCarePlan, isOpenNeed, listCarePlanVersions, putCarePlan } from '../carePlanApi';
import {
  AGREEMENT_KIND_LABELS,
  GOAL_STATUS_LABELS,
  INTERVENTION_KIND_LABELS,
  NEED_STATUS_LABELS,
  needCategoryLabel,
  RESPONSIBLE_KIND_LABELS,
} from '../carePlanLabels';
import { labelOf } from '../cycleLabels';
import { formatDateTime } from '../format';
import { href } from '../router';
import { useApiForm } from '../useApiForm';
import type { CaseRecords } from '../useCaseRecords';
import { linkLabel, useCaseRecords } from '../useCaseRecords';
import { useResource } from '../useResource';
import { CarePlanEditor } from './CarePlanEditor';
import { CarePlanVersions } from './CarePlanVersions';
import { ErrorAlert } from './ErrorAlert';
import { PlanAgreementForm } from './PlanAgreementForm';
import { ProgressBar } from './ProgressBar';

interface Props {
  clientId: string;
  caseRecord: Case;
  programName: string;
  refreshKey: number;
  userName: (id: string | null) => string;
  /** Clinical roles write the plan; others (a director through break-the-glass) only read it. */
  canEdit: boolean;
  onChanged: (message: string) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A YYYY-MM-DD date in words ("Jan 5, 2027"), read as a calendar day, not a UTC instant. */
function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function sourceText(source: string | null): string | null {
  if (!source) return null;
  return source.startsWith('assessment ') ? 'Proposed by a screening assessment' : `Source: ${source}`;
}

function GoalItem({ goal, plan, records }: { goal: Goal; plan: CarePlan; records: CaseRecords | null }) {
  const interventions = plan.interventions.filter((i) => i.goal_id === goal.id);
  const percent = goal.percent_achieved;
  return (
    <li class="plan-goal">
      <div class="plan-goal-heading">
        <h4>{goal.description}</h4>
        <span class="badge badge-status">{labelOf(GOAL_STATUS_LABELS, goal.status)}</span>
      </div>
      <ProgressBar value={percent} label={`${goal.description}: % achieved`} text={`${percent}% achieved`}
        tone={percent >= 100 ? 'done' : 'normal'} />
      <dl class="details compact plan-goal-facts">
        <div>
          <dt>Measure</dt>
          <dd>{goal.measure}</dd>
        </div>
        <div>
          <dt>Baseline → target</dt>
          <dd>
            {goal.baseline || '—'} → {goal.target}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatDay(goal.due_date)}</dd>
        </div>
        <div>
          <dt>Responsible</dt>
          <dd>
            {labelOf(RESPONSIBLE_KIND_LABELS, goal.responsible_kind)}
            {goal.responsible_name ? `: ${goal.responsible_name}` : ''}
          </dd>
        </div>
      </dl>
      {interventions.length > 0 ? (
        <ul class="plan-interventions" aria-label={`Interventions for ${goal.description}`}>
          {interventions.map((intervention) => {
            const link = linkLabel(intervention, records);
            return (
              <li key={intervention.id}>
                <span class="badge badge-status">{labelOf(INTERVENTION_KIND_LABELS, intervention.kind).replace(/ \(.*\)$/, '')}</span>{' '}
                {intervention.description}
                {link ? <div class="muted small">Carried out by {link}</div> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted small">No interventions for this goal yet.</p>
      )}
    </li>
  );
}

export function CarePlanSection({ clientId, caseRecord, programName, refreshKey, userName, canEdit, onChanged }: Props) {
  const caseId = caseRecord.id;
  const answer = useResource(() => getCarePlan(caseId), [caseId, refreshKey]);
  const plan = answer.data?.care_plan ?? null;
  const versions = useResource(
    () => (plan ? listCarePlanVersions(caseId) : Promise.resolve({ items: [] })),
    [caseId, plan?.version ?? 0, refreshKey],
  );
  const records = useCaseRecords(clientId, caseId, refreshKey);
  const [editing, setEditing] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const [message, setMessage] = useState('');
  const quick = useApiForm([], answer.reload);
  const prefix = `care-plan-${caseId}`;
  const headingId = `${prefix}-heading`;
  const headingRef = useRef<HTMLHeadingElement>(null);

  /** The editor closed: keyboard and screen-reader users go on from the plan's heading. */
  function closeEditor() {
    setEditing(false);
    window.setTimeout(() => headingRef.current?.focus(), 0);
  }

  function saved(next: CarePlan, what: string) {
    answer.set({ care_plan: next });
    setMessage(what);
    onChanged(what);
  }

  async function setNeedStatus(need: Need, status: NeedStatus) {
    if (!plan) return;
    const content = contentOf(plan);
    content.needs = content.needs.map((n) => (n.id === need.id ? { ...n, status } : n));
    const what = needCategoryLabel(need.category).toLowerCase();
    const note = status === 'active' ? `Accepted the proposed ${what} need.` : `Dismissed the proposed ${what} need.`;
    const next = await quick.run(() => putCarePlan(caseId, content, note, plan.version));
    if (next) saved(next, status === 'active' ? `The ${what} need is now active.` : `The ${what} need was dismissed.`);
  }

  const proposed = plan?.needs.filter((n) => n.status === 'proposed') ?? [];
  const others = plan?.needs.filter((n) => n.status !== 'proposed') ?? [];
  const findServices = (need: Need) => href('/directory', { client: clientId, need: need.category });

  function renderNeed(need: Need) {
    if (!plan) return null;
    const goals = plan.goals.filter((g) => g.need_id === need.id);
    const needHeading = `${prefix}-need-${need.id}`;
    return (
      <article key={need.id} class={`record plan-need plan-need-${need.status}`} aria-labelledby={needHeading}>
        <div class="record-heading">
          <h3 id={needHeading}>{needCategoryLabel(need.category)}</h3>
          <span class={`badge ${need.status === 'proposed' ? 'badge-attention' : 'badge-status'}`}>
            {labelOf(NEED_STATUS_LABELS, need.status)}
          </span>
        </div>
        <p class="preline">{need.description}</p>
        {sourceText(need.source) ? <p class="muted small">{sourceText(need.source)}</p> : null}
        <div class="actions compact-actions">
          {need.status === 'proposed' && canEdit ? (
            <>
              <button type="button" class="button-small" disabled={quick.busy}
                aria-label={`Accept the proposed ${needCategoryLabel(need.category).toLowerCase()} need`}
                onClick={() => setNeedStatus(need, 'active')}>
                Accept
              </button>
              <button type="button" class="button-secondary button-small" disabled={quick.busy}
                aria-label={`Dismiss the proposed ${needCategoryLabel(need.category).toLowerCase()} need`}
                onClick={() => setNeedStatus(need, 'dismissed')}>
                Dismiss
              </button>
            </>
          ) : null}
          {isOpenNeed(need) ? (
            <a class="button button-secondary button-small" href={findServices(need)}>
              Find services<span class="visually-hidden"> for {needCategoryLabel(need.category).toLowerCase()}</span>
            </a>
          ) : null}
        </div>
        {need.status !== 'proposed' ? (
          goals.length > 0 ? (
            <ul class="plan-goals" aria-label={`Goals for ${needCategoryLabel(need.category).toLowerCase()}`}>
              {goals.map((goal) => (
                <GoalItem key={goal.id} goal={goal} plan={plan} records={records.data} />
              ))}
            </ul>
          ) : (
            <p class="muted small">No goals for this need yet.</p>
          )
        ) : null}
      </article>
    );
  }

  return (
    <section class="card care-plan" aria-labelledby={headingId}>
      <div class="card-heading">
        <div>
          <h2 id={headingId} tabIndex={-1} ref={headingRef} class="focus-target">
            Care plan
          </h2>
          <p class="subtitle small">
            {programName}
            {plan ? ` · version ${plan.version}, ${formatDateTime(plan.updated_at)} by ${userName(plan.updated_by)}` : ''}
          </p>
        </div>
        {canEdit && !editing && answer.data ? (
          <button type="button" class="button-secondary" onClick={() => setEditing(true)}>
            {plan ? 'Edit care plan' : 'Write care plan'}
          </button>
        ) : null}
      </div>
      <p class="muted small" role="status" aria-live="polite">
        {message}
      </p>
      <ErrorAlert error={answer.error ?? quick.formError} />
      {answer.loading && !answer.data ? <p class="muted">Loading the care plan…</p> : null}
      {answer.data && !plan && !editing ? (
        <p class="muted">No care plan yet for this case. A plan names the client’s needs, measurable goals and the interventions that serve them.</p>
      ) : null}

      {editing ? (
        <CarePlanEditor caseId={caseId} plan={plan} records={records.data} onStale={answer.reload}
          onCancel={closeEditor}
          onSaved={(next) => {
            closeEditor();
            saved(next, `Care plan saved as version ${next.version}.`);
          }} />
      ) : null}

      {plan && !editing ? (
        <>
          {proposed.length > 0 ? (
            <div class="plan-proposed" role="group" aria-labelledby={`${prefix}-proposed-heading`}>
              <h3 id={`${prefix}-proposed-heading`}>Proposed needs to review</h3>
              <p class="muted small">
                A screen found these needs. Accept a need to work on it in the plan, or dismiss it.
              </p>
              <div class="record-list">
                {proposed.map(renderNeed)}
              </div>
            </div>
          ) : null}
          {others.length > 0 ? (
            <div class="record-list plan-needs">
              {others.map(renderNeed)}
            </div>
          ) : proposed.length === 0 ? (
            <p class="muted">The plan names no needs yet.</p>
          ) : null}

          <div class="plan-agreement">
            <h3>Agreement</h3>
            {plan.agreement === null ? (
              <p>Not yet agreed to by the client or family.</p>
            ) : plan.agreed_current ? (
              <p class="plan-agreed">
                <span class="badge badge-agreed">Agreed</span> {labelOf(AGREEMENT_KIND_LABELS, plan.agreement.kind)},{' '}
                {plan.agreement.name}, agreed to version {plan.agreement.version} on {formatDateTime(plan.agreement.at)}{' '}
                <span class="muted small">(recorded by {userName(plan.agreement.recorded_by)})</span>
              </p>
            ) : (
              <p class="plan-agreement-stale">
                <span class="badge badge-attention">Agreement out of date</span>{' '}
                {labelOf(AGREEMENT_KIND_LABELS, plan.agreement.kind)}, {plan.agreement.name}, agreed to version{' '}
                {plan.agreement.version} on {formatDateTime(plan.agreement.at)}; the plan has changed since (now version{' '}
                {plan.version}).
              </p>
            )}
            {canEdit && !agreeing && !plan.agreed_current ? (
              <button type="button" class="button-secondary" onClick={() => setAgreeing(true)}>
                Record agreement
              </button>
            ) : null}
            {agreeing ? (
              <PlanAgreementForm plan={plan} idPrefix={prefix} onStale={answer.reload} onCancel={() => setAgreeing(false)}
                onDone={(next) => {
                  setAgreeing(false);
                  saved(next, `Agreement to version ${next.version} recorded.`);
                }} />
            ) : null}
          </div>

          <div class="plan-history">
            <h3>Versions and changes</h3>
            <ErrorAlert error={versions.error} />
            {versions.data ? (
              <CarePlanVersions versions={versions.data.items} plan={plan} userName={userName} idPrefix={prefix} />
            ) : (
              <p class="muted small">Loading versions…</p>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
