// Writes the client's safety plan as a whole: warning signs, coping steps and people to call (one
// a line), and means safety. Replaces the stored plan (If-Match its version).

import { useState } from 'preact/hooks';
import type { SafetyPlan } from '../safetyPlanApi';
import { putSafetyPlan } from '../safetyPlanApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props {
  clientId: string;
  plan: SafetyPlan | null;
  onDone: (plan: SafetyPlan) => void;
  onStale: () => void;
  onCancel: () => void;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** "warning_signs[2]" → "warning_signs": list items' errors show under the list's field. */
function listField(field: string | null): string | null {
  return field ? field.replace(/\[\d+\]$/, '') : null;
}

export function SafetyPlanEditor({ clientId, plan, onDone, onStale, onCancel }: Props) {
  const [warningSigns, setWarningSigns] = useState((plan?.warning_signs ?? []).join('\n'));
  const [copingSteps, setCopingSteps] = useState((plan?.coping_steps ?? []).join('\n'));
  const [contacts, setContacts] = useState((plan?.contacts ?? []).join('\n'));
  const [meansSafety, setMeansSafety] = useState(plan?.means_safety ?? '');
  const form = useApiForm(['warning_signs', 'coping_steps', 'contacts', 'means_safety'], onStale);
  const errorOf = (field: string) =>
    form.fieldError(field) ?? (form.error && listField(form.error.field) === field ? form.error.message : null);
  const formError = form.formError && !['warning_signs', 'coping_steps', 'contacts'].includes(listField(form.formError.field) ?? '')
    ? form.formError
    : null;

  async function submit(event: Event) {
    event.preventDefault();
    const input = {
      warning_signs: lines(warningSigns),
      coping_steps: lines(copingSteps),
      contacts: lines(contacts),
      means_safety: meansSafety.trim(),
    };
    const saved = await form.run(() => putSafetyPlan(clientId, input, plan?.version));
    if (saved) onDone(saved);
  }

  const hint = 'One a line.';
  return (
    <form class="subform" onSubmit={submit} aria-label="Edit the safety plan" noValidate>
      <ErrorAlert error={formError} />
      <div class="form-grid">
        <TextAreaField id="safety-warning-signs" label="Warning signs" hint={hint} value={warningSigns}
          onInput={setWarningSigns} rows={4} error={errorOf('warning_signs')} />
        <TextAreaField id="safety-coping-steps" label="Coping steps" hint={hint} value={copingSteps}
          onInput={setCopingSteps} rows={4} error={errorOf('coping_steps')} />
        <TextAreaField id="safety-contacts" label="People and services to call" hint="One a line, with their number."
          value={contacts} onInput={setContacts} rows={4} error={errorOf('contacts')} />
        <TextAreaField id="safety-means" label="Means safety" hint="How access to lethal means is reduced."
          value={meansSafety} onInput={setMeansSafety} rows={4} error={errorOf('means_safety')} />
      </div>
      <FormActions busy={form.busy} label="Save safety plan" onCancel={onCancel} />
    </form>
  );
}
