// "Case work": the actions of the case cycle on a client's open case — a progress note after a
// visit, an assessment (the instrument chosen here, filled in on its own page), an appointment, a referral out, an incident report, a plan review, a task, discharge and
// closure. One form is open at a time; what it wrote is announced and the chart is read again.

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import { STATUS_LABELS } from '../format';
import { AppointmentForm } from './AppointmentForm';
import { CloseCaseForm } from './CloseCaseForm';
import { DischargeForm } from './DischargeForm';
import { IncidentForm } from './IncidentForm';
import { NewAssessmentPicker } from './NewAssessmentPicker';
import { NewTaskForm } from './NewTaskForm';
import { PlanReviewForm } from './PlanReviewForm';
import { QuickNoteForm } from './QuickNoteForm';
import { ReferralOutForm } from './ReferralOutForm';
import { SelectField } from './SelectField';

type Action = 'note' | 'assess' | 'appointment' | 'referral-out' | 'incident' | 'plan-review' | 'task' | 'discharge' | 'close';

interface Props {
  clientId: string;
  cases: Case[];
  programName: (id: string) => string;
  /** Something was written: `message` says what, for the live status line. */
  onChanged: (message: string) => void;
  /** A stale version (412): read the cases again. */
  onStale: () => void;
  /** The case was closed (the user may have lost access to the client with it). */
  onClosed: () => void;
}

const ACTIONS: { action: Action; label: string; when?: (c: Case) => boolean }[] = [
  { action: 'note', label: 'Write note' },
  { action: 'assess', label: 'Assess' },
  { action: 'appointment', label: 'Schedule appointment' },
  { action: 'referral-out', label: 'Refer out' },
  { action: 'incident', label: 'Report incident' },
  { action: 'plan-review', label: 'Record plan review' },
  { action: 'task', label: 'Add task' },
  { action: 'discharge', label: 'Discharge', when: (c) => c.status === 'active' || c.status === 'on_hold' },
  { action: 'close', label: 'Close case', when: (c) => c.status === 'discharged' },
];

export function CaseWorkSection({ clientId, cases, programName, onChanged, onStale, onClosed }: Props) {
  const open = cases.filter((c) => c.status !== 'closed');
  const [chosenId, setChosenId] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState('');
  const current = open.find((c) => c.id === chosenId) ?? open[0] ?? null;

  function done(what: string) {
    setAction(null);
    setMessage(what);
    onChanged(what);
  }

  const formProps = current ? { caseRecord: current, onCancel: () => setAction(null) } : null;

  return (
    <section class="card case-work" aria-labelledby="case-work-heading">
      <div class="card-heading">
        <h2 id="case-work-heading">Case work</h2>
        {open.length > 1 ? (
          <SelectField id="case-work-case" label="Case" value={current?.id ?? ''} class="inline-field"
            onChange={(id) => {
              setChosenId(id);
              setAction(null);
            }}
            options={open.map((c) => ({ value: c.id, label: `${programName(c.program_id)} (${STATUS_LABELS[c.status]})` }))} />
        ) : current ? (
          <span class="muted">
            {programName(current.program_id)} · {STATUS_LABELS[current.status] ?? current.status}
          </span>
        ) : null}
      </div>
      <p class="muted small" role="status" aria-live="polite">
        {message}
      </p>
      {!current ? (
        <p class="muted">No open case. Open a case under “Cases” to record work for this client.</p>
      ) : (
        <div class="actions case-work-actions" role="group" aria-label="Record">
          {ACTIONS.filter((a) => !a.when || a.when(current)).map((a) => (
            <button
              key={a.action}
              type="button"
              class={action === a.action ? undefined : 'button-secondary'}
              aria-expanded={action === a.action}
              onClick={() => setAction(action === a.action ? null : a.action)}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
      {current && formProps ? (
        <>
          {action === 'note' ? (
            <QuickNoteForm {...formProps}
              onDone={(note) => done(note.status === 'signed' ? 'Note signed.' : 'Note saved as a draft.')} />
          ) : null}
          {action === 'assess' ? (
            <div class="subform">
              <h3>New assessment</h3>
              <NewAssessmentPicker clientId={clientId} caseId={current.id} idPrefix="case-work-assessment"
                onCancel={() => setAction(null)} />
            </div>
          ) : null}
          {action === 'appointment' ? <AppointmentForm {...formProps} onDone={() => done('Appointment scheduled.')} /> : null}
          {action === 'referral-out' ? (
            <ReferralOutForm {...formProps} onDone={(r) => done(`Referral to ${r.provider_name} saved as a draft.`)} />
          ) : null}
          {action === 'incident' ? (
            <IncidentForm {...formProps}
              onDone={(i) => done(i.status === 'submitted' ? 'Incident report submitted.' : 'Incident report saved as a draft.')} />
          ) : null}
          {action === 'plan-review' ? <PlanReviewForm {...formProps} onDone={() => done('Plan review recorded.')} /> : null}
          {action === 'task' ? (
            <NewTaskForm idPrefix="case-task" clientId={clientId} caseId={current.id} onCancel={() => setAction(null)}
              onCreated={(task) => done(`Task added: ${task.title}.`)} />
          ) : null}
          {action === 'discharge' ? (
            <DischargeForm {...formProps} onStale={onStale} onDone={() => done('Discharge recorded.')} />
          ) : null}
          {action === 'close' ? (
            <CloseCaseForm {...formProps} onStale={onStale}
              onDone={() => {
                done('Case closed.');
                onClosed();
              }} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
