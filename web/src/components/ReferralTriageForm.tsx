// Triage of a referral (supervisors): how urgent it is, and a note on why.

import { useState } from 'preact/hooks';
import { REFERRAL_PRIORITY_LABELS } from '../cycleLabels';
import type { Referral, ReferralPriority } from '../referralApi';
import { REFERRAL_PRIORITIES, triageReferral } from '../referralApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';

interface Props {
  referral: Referral;
  onDone: (updated: Referral) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function ReferralTriageForm({ referral, onDone, onStale, onCancel }: Props) {
  const [priority, setPriority] = useState<ReferralPriority>(referral.priority);
  const [note, setNote] = useState(referral.triage_note ?? '');
  const form = useApiForm(['priority', 'triage_note'], onStale);
  const id = (name: string) => `triage-${referral.id}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ triage_note: note.trim() ? null : 'Write a triage note.' })) return;
    const updated = await form.run(() => triageReferral(referral, priority, note.trim()));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h3 id={id('heading')}>Triage</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id={id('priority')} label="Priority" value={priority}
          onChange={(v) => setPriority(v as ReferralPriority)} error={form.fieldError('priority')}
          options={REFERRAL_PRIORITIES.map((p) => ({ value: p, label: REFERRAL_PRIORITY_LABELS[p] }))} />
        <TextAreaField id={id('note')} label="Triage note" value={note} onInput={setNote} required maxLength={2000}
          error={form.fieldError('triage_note')} class="wide" />
      </div>
      <FormActions busy={form.busy} label="Save triage" onCancel={onCancel} />
    </form>
  );
}
