// Submits a draft incident report: the actions taken must be filled first (saved to the draft,
// then submitted), which stops the documentation clock.

import { useState } from 'preact/hooks';
import type { Incident } from '../incidentsApi';
import { patchIncident, submitIncident } from '../incidentsApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props {
  incident: Incident;
  onDone: (submitted: Incident) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function IncidentSubmitForm({ incident, onDone, onStale, onCancel }: Props) {
  const [actions, setActions] = useState(incident.actions ?? '');
  const form = useApiForm(['actions'], onStale);

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ actions: actions.trim() ? null : 'Say what was done before submitting.' })) return;
    const submitted = await form.run(async () => {
      const draft = actions.trim() === (incident.actions ?? '') ? incident : await patchIncident(incident, { actions: actions.trim() });
      return submitIncident(draft);
    });
    if (submitted) onDone(submitted);
  }

  return (
    <form class="subform" onSubmit={submit} aria-label="Submit the incident report" noValidate>
      <ErrorAlert error={form.formError} />
      <TextAreaField id={`incident-${incident.id}-actions`} label="Actions taken" value={actions} onInput={setActions}
        required maxLength={8000} error={form.fieldError('actions')} />
      <FormActions busy={form.busy} label="Submit report" busyLabel="Submitting…" onCancel={onCancel} />
    </form>
  );
}
