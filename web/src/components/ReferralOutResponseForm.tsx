// Records the provider's answer to a referral out: accepted, or declined with a reason.

import { useState } from 'preact/hooks';
import type { ReferralOut } from '../referralsOutApi';
import { recordReferralOutResponse } from '../referralsOutApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  referral: ReferralOut;
  onDone: (updated: ReferralOut) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function ReferralOutResponseForm({ referral, onDone, onStale, onCancel }: Props) {
  const [answer, setAnswer] = useState<'accepted' | 'declined'>('accepted');
  const [reason, setReason] = useState('');
  const form = useApiForm(['accepted', 'reason'], onStale);
  const id = (name: string) => `referral-out-${referral.id}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    const declined = answer === 'declined';
    if (!form.check({ reason: declined && !reason.trim() ? 'Give the provider’s reason for declining.' : null })) return;
    const updated = await form.run(() => recordReferralOutResponse(referral, !declined, reason.trim() || undefined));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} noValidate>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id={id('answer')} label="Provider’s answer" value={answer}
          onChange={(v) => setAnswer(v as 'accepted' | 'declined')} error={form.fieldError('accepted')}
          options={[
            { value: 'accepted', label: 'Accepted' },
            { value: 'declined', label: 'Declined' },
          ]} />
        <TextField id={id('reason')} label="Reason (needed when declined)" value={reason} onInput={setReason}
          maxLength={1000} error={form.fieldError('reason')} autoComplete="off" />
      </div>
      <FormActions busy={form.busy} label="Save answer" onCancel={onCancel} />
    </form>
  );
}
