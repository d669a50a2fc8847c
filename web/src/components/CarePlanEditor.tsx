// Writes a case's care plan as a whole: needs, measurable goals (what, measure, baseline, target,
// due date, who is responsible, status, % achieved) and interventions (kind, description, and an
// optional link to one of the case's tasks, appointments or referrals out), with a note saying
// what changed. Saving makes a new version (PUT, If-Match the current one). Errors the server
// names ("goals[1].due_date") show under that field.

import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  CarePlan,
  CarePlanContent,
  GoalStatus,
  InterventionKind,
  NeedStatus,
  ResponsibleKind,
} from '../carePlanApi';
import {
  GOAL_STATUSES,
  INTERVENTION_KINDS,
  NEED_STATUSES,
  putCarePlan,
  RESPONSIBLE_KINDS,
} from '../carePlanApi';
import {
  GOAL_STATUS_LABELS,
  INTERVENTION_KIND_LABELS,
  NEED_STATUS_LABELS,
  needCategoryLabel,
  RESPONSIBLE_KIND_LABELS,
} from '../carePlanLabels';
import { KNOWN_NEEDS } from '../directoryApi';
import type { CaseRecords } from '../useCaseRecords';
import { appointmentLabel, referralOutLabel, taskLabel } from '../useCaseRecords';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { fieldAria } from './FieldError';
import { FieldFrame } from './FieldFrame';
import { FormActions } from './FormActions';
import { NumberField, wholeNumber } from './NumberField';
import { ProgressBar } from './ProgressBar';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  caseId: string;
  plan: CarePlan | null;
  records: CaseRecords | null;
  onSaved: (plan: CarePlan) => void;
  onStale: () => void;
  onCancel: () => void;
}

interface NeedDraft {
  id: string;
  category: string;
  description: string;
  status: NeedStatus;
  source: string;
}

interface GoalDraft {
  id: string;
  need_id: string;
  description: string;
  measure: string;
  baseline: string;
  target: string;
  due_date: string;
  responsible_kind: ResponsibleKind;
  responsible_name: string;
  status: GoalStatus;
  percent: string;
}

interface InterventionDraft {
  id: string;
  goal_id: string;
  kind: InterventionKind;
  description: string;
  task_id: string;
  appointment_id: string;
  referral_out_id: string;
}

/** A new id for an item of a list ("n3"), unused in it. */
function freshId(prefix: string, items: { id: string }[]): string {
  let n = items.length + 1;
  while (items.some((item) => item.id === `${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

const blankNeed = (needs: { id: string }[]): NeedDraft => ({
  id: freshId('n', needs),
  category: '',
  description: '',
  status: 'active',
  source: '',
});

/** The value of the "carried out by" choice: "task:<id>", "appointment:<id>", "referral_out:<id>" or "". */
function linkValue(item: InterventionDraft): string {
  if (item.task_id) return `task:${item.task_id}`;
  if (item.appointment_id) return `appointment:${item.appointment_id}`;
  if (item.referral_out_id) return `referral_out:${item.referral_out_id}`;
  return '';
}

function withLink(item: InterventionDraft, value: string): InterventionDraft {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  return {
    ...item,
    task_id: kind === 'task' ? id : '',
    appointment_id: kind === 'appointment' ? id : '',
    referral_out_id: kind === 'referral_out' ? id : '',
  };
}

const short = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function CarePlanEditor({ caseId, plan, records, onSaved, onStale, onCancel }: Props) {
  const [needs, setNeeds] = useState<NeedDraft[]>(() =>
    plan && plan.needs.length > 0
      ? plan.needs.map((n) => ({ ...n, source: n.source ?? '' }))
      : [blankNeed([])],
  );
  const [goals, setGoals] = useState<GoalDraft[]>(() =>
    (plan?.goals ?? []).map((g) => ({
      ...g,
      baseline: g.baseline ?? '',
      responsible_name: g.responsible_name ?? '',
      percent: String(g.percent_achieved),
    })),
  );
  const [interventions, setInterventions] = useState<InterventionDraft[]>(() =>
    (plan?.interventions ?? []).map((i) => ({
      ...i,
      task_id: i.task_id ?? '',
      appointment_id: i.appointment_id ?? '',
      referral_out_id: i.referral_out_id ?? '',
    })),
  );
  const [note, setNote] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  // The button that opened the editor is gone: start keyboard users at the first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const paths = [
    'note',
    ...needs.flatMap((_, i) => ['id', 'category', 'description', 'status', 'source'].map((f) => `needs[${i}].${f}`)),
    ...goals.flatMap((_, i) =>
      ['id', 'need_id', 'description', 'measure', 'baseline', 'target', 'due_date', 'responsible_kind',
        'responsible_name', 'status', 'percent_achieved'].map((f) => `goals[${i}].${f}`),
    ),
    ...interventions.flatMap((_, i) =>
      ['id', 'goal_id', 'kind', 'description', 'task_id', 'appointment_id', 'referral_out_id'].map(
        (f) => `interventions[${i}].${f}`,
      ),
    ),
  ];
  const form = useApiForm(paths, onStale);
  const err = (path: string) => form.fieldError(path);
  const prefix = `care-plan-${caseId}`;

  const setNeed = (index: number, change: Partial<NeedDraft>) =>
    setNeeds(needs.map((n, i) => (i === index ? { ...n, ...change } : n)));
  const setGoal = (index: number, change: Partial<GoalDraft>) =>
    setGoals(goals.map((g, i) => (i === index ? { ...g, ...change } : g)));
  const setIntervention = (index: number, change: InterventionDraft) =>
    setInterventions(interventions.map((item, i) => (i === index ? change : item)));

  function addNeed() {
    setNeeds([...needs, blankNeed(needs)]);
  }

  function removeNeed(index: number) {
    const gone = needs[index].id;
    const goneGoals = goals.filter((g) => g.need_id === gone).map((g) => g.id);
    setNeeds(needs.filter((_, i) => i !== index));
    setGoals(goals.filter((g) => g.need_id !== gone));
    setInterventions(interventions.filter((item) => !goneGoals.includes(item.goal_id)));
  }

  function addGoal() {
    setGoals([
      ...goals,
      {
        id: freshId('g', goals),
        need_id: needs[needs.length - 1]?.id ?? '',
        description: '',
        measure: '',
        baseline: '',
        target: '',
        due_date: '',
        responsible_kind: 'staff',
        responsible_name: '',
        status: 'not_started',
        percent: '0',
      },
    ]);
  }

  function removeGoal(index: number) {
    const gone = goals[index].id;
    setGoals(goals.filter((_, i) => i !== index));
    setInterventions(interventions.filter((item) => item.goal_id !== gone));
  }

  function addIntervention() {
    setInterventions([
      ...interventions,
      {
        id: freshId('i', interventions),
        goal_id: goals[goals.length - 1]?.id ?? '',
        kind: 'coordination',
        description: '',
        task_id: '',
        appointment_id: '',
        referral_out_id: '',
      },
    ]);
  }

  function localErrors(): Record<string, string | null> {
    const errors: Record<string, string | null> = {};
    needs.forEach((n, i) => {
      if (!n.category.trim()) errors[`needs[${i}].category`] = 'Enter the need’s category, such as housing or food.';
      if (!n.description.trim()) errors[`needs[${i}].description`] = 'Describe the need.';
    });
    goals.forEach((g, i) => {
      if (!g.description.trim()) errors[`goals[${i}].description`] = 'Say what the goal is.';
      if (!g.measure.trim()) errors[`goals[${i}].measure`] = 'Say how progress is measured.';
      if (!g.target.trim()) errors[`goals[${i}].target`] = 'Give the target.';
      if (!g.due_date) errors[`goals[${i}].due_date`] = 'Choose the due date.';
      const percent = wholeNumber(g.percent);
      if (percent === null || percent < 0 || percent > 100) {
        errors[`goals[${i}].percent_achieved`] = 'Enter a whole number from 0 to 100.';
      }
    });
    interventions.forEach((item, i) => {
      if (!item.description.trim()) errors[`interventions[${i}].description`] = 'Describe the intervention.';
    });
    return errors;
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check(localErrors())) return;
    const content: CarePlanContent = {
      needs: needs.map((n) => ({
        id: n.id,
        category: n.category.trim(),
        description: n.description.trim(),
        status: n.status,
        source: n.source || null,
      })),
      goals: goals.map((g) => ({
        id: g.id,
        need_id: g.need_id,
        description: g.description.trim(),
        measure: g.measure.trim(),
        baseline: g.baseline.trim() || null,
        target: g.target.trim(),
        due_date: g.due_date,
        responsible_kind: g.responsible_kind,
        responsible_name: g.responsible_name.trim() || null,
        status: g.status,
        percent_achieved: wholeNumber(g.percent) ?? 0,
      })),
      interventions: interventions.map((item) => ({
        id: item.id,
        goal_id: item.goal_id,
        kind: item.kind,
        description: item.description.trim(),
        task_id: item.task_id || null,
        appointment_id: item.appointment_id || null,
        referral_out_id: item.referral_out_id || null,
      })),
    };
    const saved = await form.run(() => putCarePlan(caseId, content, note.trim(), plan?.version));
    if (saved) onSaved(saved);
  }

  const needOptions = needs.map((n, i) => ({
    value: n.id,
    label: `Need ${i + 1}: ${n.category ? needCategoryLabel(n.category) : '(no category yet)'}${
      n.description ? ` — ${short(n.description, 40)}` : ''
    }`,
  }));
  const goalOptions = goals.map((g, i) => ({
    value: g.id,
    label: `Goal ${i + 1}${g.description ? `: ${short(g.description, 50)}` : ''}`,
  }));

  return (
    <form class="subform care-plan-editor" onSubmit={submit} aria-label="Edit the care plan" noValidate ref={formRef}>
      <ErrorAlert error={form.formError} />
      <datalist id={`${prefix}-categories`}>
        {KNOWN_NEEDS.map((need) => (
          <option key={need} value={need}>
            {needCategoryLabel(need)}
          </option>
        ))}
      </datalist>

      <h3>Needs</h3>
      {needs.map((need, i) => {
        const id = (f: string) => `${prefix}-need-${i}-${f}`;
        const goalCount = goals.filter((g) => g.need_id === need.id).length;
        return (
          <fieldset key={need.id} class={`plan-item${need.status === 'proposed' ? ' plan-item-proposed' : ''}`}>
            <legend>Need {i + 1}</legend>
            <div class="form-grid">
              <TextField id={id('category')} label="Category" value={need.category} required list={`${prefix}-categories`}
                hint="Such as housing, food, transportation, utilities, medication."
                onInput={(category) => setNeed(i, { category })} error={err(`needs[${i}].category`)} maxLength={60} />
              <SelectField id={id('status')} label="Status" value={need.status} error={err(`needs[${i}].status`)}
                options={NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }))}
                onChange={(status) => setNeed(i, { status: status as NeedStatus })} />
              <TextAreaField id={id('description')} label="Description" value={need.description} required rows={2}
                class="wide" maxLength={2000} onInput={(description) => setNeed(i, { description })}
                error={err(`needs[${i}].description`)} />
            </div>
            {need.source ? <p class="muted small">Source: {need.source}</p> : null}
            <button type="button" class="button-secondary button-small" onClick={() => removeNeed(i)}>
              {goalCount > 0 ? `Remove need ${i + 1} and its ${goalCount === 1 ? 'goal' : `${goalCount} goals`}` : `Remove need ${i + 1}`}
            </button>
          </fieldset>
        );
      })}
      <div class="actions plan-add">
        <button type="button" class="button-secondary" onClick={addNeed}>
          Add need
        </button>
      </div>

      <h3>Goals</h3>
      {goals.length === 0 ? <p class="muted">No goals yet. A goal is measurable: what, how it is measured, the target and when.</p> : null}
      {goals.map((goal, i) => {
        const id = (f: string) => `${prefix}-goal-${i}-${f}`;
        const percent = wholeNumber(goal.percent);
        return (
          <fieldset key={goal.id} class="plan-item">
            <legend>Goal {i + 1}</legend>
            <div class="form-grid">
              <SelectField id={id('need')} label="For need" value={goal.need_id} class="wide" options={needOptions}
                onChange={(need_id) => setGoal(i, { need_id })} error={err(`goals[${i}].need_id`)} />
              <TextAreaField id={id('description')} label="Goal (what)" value={goal.description} required rows={2}
                class="wide" maxLength={2000} onInput={(description) => setGoal(i, { description })}
                error={err(`goals[${i}].description`)} />
              <TextField id={id('measure')} label="Measure" value={goal.measure} required maxLength={500}
                hint="How progress is measured." onInput={(measure) => setGoal(i, { measure })}
                error={err(`goals[${i}].measure`)} />
              <TextField id={id('baseline')} label="Baseline" value={goal.baseline} maxLength={500}
                hint="Where the client starts." onInput={(baseline) => setGoal(i, { baseline })}
                error={err(`goals[${i}].baseline`)} />
              <TextField id={id('target')} label="Target" value={goal.target} required maxLength={500}
                onInput={(target) => setGoal(i, { target })} error={err(`goals[${i}].target`)} />
              <TextField id={id('due')} label="Due date" type="date" value={goal.due_date} required
                onInput={(due_date) => setGoal(i, { due_date })} error={err(`goals[${i}].due_date`)} />
              <SelectField id={id('responsible-kind')} label="Responsible" value={goal.responsible_kind}
                options={RESPONSIBLE_KINDS.map((k) => ({ value: k, label: RESPONSIBLE_KIND_LABELS[k] }))}
                onChange={(kind) => setGoal(i, { responsible_kind: kind as ResponsibleKind })}
                error={err(`goals[${i}].responsible_kind`)} />
              <TextField id={id('responsible-name')} label="Responsible person" value={goal.responsible_name}
                maxLength={200} onInput={(responsible_name) => setGoal(i, { responsible_name })}
                error={err(`goals[${i}].responsible_name`)} />
              <SelectField id={id('status')} label="Goal status" value={goal.status}
                options={GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }))}
                onChange={(status) => setGoal(i, { status: status as GoalStatus })} error={err(`goals[${i}].status`)} />
              <div class="percent-field">
                <NumberField id={id('percent')} label="% achieved" value={goal.percent} min={0} max={100} step={5}
                  onInput={(percent) => setGoal(i, { percent })} error={err(`goals[${i}].percent_achieved`)} />
                {percent !== null && percent >= 0 && percent <= 100 ? (
                  <ProgressBar value={percent} label={`Goal ${i + 1} progress`} text={`${percent}%`}
                    tone={percent >= 100 ? 'done' : 'normal'} />
                ) : null}
              </div>
            </div>
            <button type="button" class="button-secondary button-small" onClick={() => removeGoal(i)}>
              Remove goal {i + 1}
            </button>
          </fieldset>
        );
      })}
      <div class="actions plan-add">
        <button type="button" class="button-secondary" onClick={addGoal} disabled={needs.length === 0}>
          Add goal
        </button>
        {needs.length === 0 ? <span class="muted small">Add a need first.</span> : null}
      </div>

      <h3>Interventions</h3>
      {interventions.length === 0 ? <p class="muted">No interventions yet.</p> : null}
      {interventions.map((item, i) => {
        const id = (f: string) => `${prefix}-intervention-${i}-${f}`;
        const linkError =
          err(`interventions[${i}].task_id`) ?? err(`interventions[${i}].appointment_id`) ?? err(`interventions[${i}].referral_out_id`);
        const linkId = id('link');
        const value = linkValue(item);
        const known =
          value === '' ||
          records?.tasks.some((t) => `task:${t.id}` === value) ||
          records?.appointments.some((a) => `appointment:${a.id}` === value) ||
          records?.referralsOut.some((r) => `referral_out:${r.id}` === value);
        return (
          <fieldset key={item.id} class="plan-item">
            <legend>Intervention {i + 1}</legend>
            <div class="form-grid">
              <SelectField id={id('goal')} label="For goal" value={item.goal_id} options={goalOptions}
                onChange={(goal_id) => setIntervention(i, { ...item, goal_id })} error={err(`interventions[${i}].goal_id`)} />
              <SelectField id={id('kind')} label="Kind" value={item.kind}
                options={INTERVENTION_KINDS.map((k) => ({ value: k, label: INTERVENTION_KIND_LABELS[k] }))}
                onChange={(kind) => setIntervention(i, { ...item, kind: kind as InterventionKind })}
                error={err(`interventions[${i}].kind`)} />
              <TextAreaField id={id('description')} label="What is done" value={item.description} required rows={2}
                class="wide" maxLength={2000} onInput={(description) => setIntervention(i, { ...item, description })}
                error={err(`interventions[${i}].description`)} />
              <FieldFrame id={linkId} label="Carried out by (optional)" class="wide" error={linkError}
                hint="One of this case’s tasks, appointments or referrals out.">
                <select id={linkId} name={linkId} value={value}
                  onChange={(event) => setIntervention(i, withLink(item, (event.currentTarget as HTMLSelectElement).value))}
                  {...fieldAria(linkId, linkError, `${linkId}-hint`)}>
                  <option value="">Not linked</option>
                  {!known ? <option value={value}>The record linked before ({value.replace(':', ' ')})</option> : null}
                  {records && records.tasks.length > 0 ? (
                    <optgroup label="Tasks">
                      {records.tasks.map((t) => (
                        <option key={t.id} value={`task:${t.id}`}>
                          {taskLabel(t)}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  {records && records.appointments.length > 0 ? (
                    <optgroup label="Appointments">
                      {records.appointments.map((a) => (
                        <option key={a.id} value={`appointment:${a.id}`}>
                          {appointmentLabel(a)}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  {records && records.referralsOut.length > 0 ? (
                    <optgroup label="Referrals out">
                      {records.referralsOut.map((r) => (
                        <option key={r.id} value={`referral_out:${r.id}`}>
                          {referralOutLabel(r)}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                </select>
              </FieldFrame>
            </div>
            <button type="button" class="button-secondary button-small"
              onClick={() => setInterventions(interventions.filter((_, k) => k !== i))}>
              Remove intervention {i + 1}
            </button>
          </fieldset>
        );
      })}
      <div class="actions plan-add">
        <button type="button" class="button-secondary" onClick={addIntervention} disabled={goals.length === 0}>
          Add intervention
        </button>
        {goals.length === 0 ? <span class="muted small">Add a goal first.</span> : null}
      </div>

      <TextAreaField id={`${prefix}-note`} label="Note on this version" value={note} onInput={setNote} rows={2}
        maxLength={1000} hint="What changed and why; kept with the version." error={err('note')} class="narrow-wide" />
      <FormActions busy={form.busy} label="Save care plan" onCancel={onCancel} />
    </form>
  );
}
