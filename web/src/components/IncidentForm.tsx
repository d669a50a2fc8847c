// Reports an incident on a case: when it occurred (the documentation clock runs from then), its
// type and severity, what happened, whether emergency services were called, and the actions
// taken. "Submit now" submits at once (actions are then required); otherwise it stays a draft.

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import { INCIDENT_TYPE_LABELS, SEVERITY_LABELS } from '../cycleLabels';
import { localInputToUtc, nowLocalInput } from '../format';
import type { Incident, IncidentInput, IncidentType, Severity } from '../incidentsApi';
import { createIncident, INCIDENT_TYPES, SEVERITIES } from '../incidentsApi';
import { useApiForm } from '../useApiForm';
import { CheckboxField } from './CheckboxField';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  caseRecord: Case;
  onDone: (incident: Incident) => void;
  onCancel: () => void;
}

const FIELDS = ['occurred_at', 'type', 'severity', 'description', 'emergency_services_contacted', 'actions', 'submit'];

export function IncidentForm({ caseRecord, onDone, onCancel }: Props) {
  const [occurredAt, setOccurredAt] = useState(() => nowLocalInput());
  const [type, setType] = useState<IncidentType>('fall');
  const [severity, setSeverity] = useState<Severity>('moderate');
  const [description, setDescription] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [actions, setActions] = useState('');
  const [submitNow, setSubmitNow] = useState(false);
  const form = useApiForm(FIELDS);

  async function submit(event: Event) {
    event.preventDefault();
    const at = localInputToUtc(occurredAt);
    const ok = form.check({
      occurred_at: at ? null : 'Give the date and time it occurred.',
      description: description.trim() ? null : 'Describe what happened.',
      actions: submitNow && !actions.trim() ? 'Say what was done before submitting.' : null,
    });
    if (!ok) return;
    const input: IncidentInput = {
      occurred_at: at!,
      type,
      severity,
      description: description.trim(),
      emergency_services_contacted: emergency,
      submit: submitNow,
    };
    if (actions.trim()) input.actions = actions.trim();
    const created = await form.run(() => createIncident(caseRecord.id, input));
    if (created) onDone(created);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="incident-form-heading" noValidate>
      <h3 id="incident-form-heading">Report an incident</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <TextField id="incident-occurred" type="datetime-local" label="Occurred at" value={occurredAt}
          onInput={setOccurredAt} required error={form.fieldError('occurred_at')} />
        <SelectField id="incident-type" label="Type" value={type} onChange={(v) => setType(v as IncidentType)}
          error={form.fieldError('type')}
          options={INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_LABELS[t] }))} />
        <SelectField id="incident-severity" label="Severity" value={severity}
          onChange={(v) => setSeverity(v as Severity)} error={form.fieldError('severity')}
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} />
        <CheckboxField id="incident-emergency" label="Emergency services contacted" checked={emergency}
          onChange={setEmergency} error={form.fieldError('emergency_services_contacted')} />
        <TextAreaField id="incident-description" label="What happened" value={description} onInput={setDescription}
          required maxLength={8000} error={form.fieldError('description')} class="wide" />
        <TextAreaField id="incident-actions" label="Actions taken" value={actions} onInput={setActions}
          maxLength={8000} hint="Required to submit." error={form.fieldError('actions')} class="wide" />
      </div>
      <CheckboxField id="incident-submit" label="Submit now" checked={submitNow} onChange={setSubmitNow}
        error={form.fieldError('submit')} />
      <FormActions busy={form.busy} label={submitNow ? 'Submit report' : 'Save draft report'} onCancel={onCancel} />
    </form>
  );
}
