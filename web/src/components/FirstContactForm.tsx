// Records the first contact with a referred client (the case's case manager or their supervisor):
// how, and when (default now). It stops the first-contact clock and starts the progress-note one.

import { useState } from 'preact/hooks';
import { CONTACT_METHOD_LABELS } from '../cycleLabels';
import { localInputToUtc, nowLocalInput } from '../format';
import type { ContactMethod, Referral } from '../referralApi';
import { CONTACT_METHODS, recordFirstContact } from '../referralApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  referral: Referral;
  onDone: (updated: Referral) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function FirstContactForm({ referral, onDone, onStale, onCancel }: Props) {
  const [method, setMethod] = useState<ContactMethod>('phone');
  const [contactedAt, setContactedAt] = useState(() => nowLocalInput());
  const form = useApiForm(['method', 'contacted_at'], onStale);
  const id = (name: string) => `first-contact-${referral.id}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    const at = localInputToUtc(contactedAt);
    if (!form.check({ contacted_at: at ? null : 'Give the date and time of the contact.' })) return;
    const updated = await form.run(() => recordFirstContact(referral, method, at!));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h3 id={id('heading')}>Record first contact</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id={id('method')} label="How" value={method} onChange={(v) => setMethod(v as ContactMethod)}
          error={form.fieldError('method')}
          options={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))} />
        <TextField id={id('at')} type="datetime-local" label="Contacted at" value={contactedAt}
          onInput={setContactedAt} required error={form.fieldError('contacted_at')} />
      </div>
      <FormActions busy={form.busy} label="Save first contact" onCancel={onCancel} />
    </form>
  );
}
