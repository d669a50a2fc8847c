// Declines a referral (supervisors), with the reason; a declined referral has no clock.

import { useState } from 'preact/hooks';
import type { Referral } from '../referralApi';
import { declineReferral } from '../referralApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props {
  referral: Referral;
  onDone: (updated: Referral) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function ReferralDeclineForm({ referral, onDone, onStale, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const form = useApiForm(['reason'], onStale);
  const id = (name: string) => `decline-${referral.id}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ reason: reason.trim() ? null : 'Give the reason for declining.' })) return;
    const updated = await form.run(() => declineReferral(referral, reason.trim()));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h3 id={id('heading')}>Decline the referral</h3>
      <ErrorAlert error={form.formError} />
      <TextAreaField id={id('reason')} label="Reason for declining" value={reason} onInput={setReason} required
        maxLength={2000} error={form.fieldError('reason')} />
      <FormActions busy={form.busy} label="Decline referral" busyLabel="Declining…" submitClass="button-warning"
        onCancel={onCancel} />
    </form>
  );
}
