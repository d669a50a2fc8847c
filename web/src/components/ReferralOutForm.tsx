// Starts a referral out to another provider (a draft; sending it starts the follow-up clock), with
// what the service costs (optional, for the cost-per-case report).

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import type { ReferralOut, ReferralOutInput } from '../referralsOutApi';
import { createReferralOut } from '../referralsOutApi';
import { useApiForm } from '../useApiForm';
import { CostField, readCost } from './CostField';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  caseRecord: Case;
  onDone: (referral: ReferralOut) => void;
  onCancel: () => void;
}

export function ReferralOutForm({ caseRecord, onDone, onCancel }: Props) {
  const [provider, setProvider] = useState('');
  const [contact, setContact] = useState('');
  const [service, setService] = useState('');
  const [reason, setReason] = useState('');
  const [cost, setCost] = useState('');
  const form = useApiForm(['provider_name', 'provider_contact', 'service', 'reason', 'cost']);

  async function submit(event: Event) {
    event.preventDefault();
    const costRead = readCost(cost);
    const ok = form.check({
      provider_name: provider.trim() ? null : 'Name the provider.',
      service: service.trim() ? null : 'Say which service is asked for.',
      reason: reason.trim() ? null : 'Give the reason for the referral.',
      cost: costRead.ok ? null : costRead.message,
    });
    if (!ok || !costRead.ok) return;
    const input: ReferralOutInput = { provider_name: provider.trim(), service: service.trim(), reason: reason.trim() };
    if (contact.trim()) input.provider_contact = contact.trim();
    if (costRead.cost !== undefined) input.cost = costRead.cost;
    const created = await form.run(() => createReferralOut(caseRecord.id, input));
    if (created) onDone(created);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="referral-out-form-heading" noValidate>
      <h3 id="referral-out-form-heading">Refer to another provider</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <TextField id="referral-out-provider" label="Provider" value={provider} onInput={setProvider} required
          maxLength={200} error={form.fieldError('provider_name')} autoComplete="off" />
        <TextField id="referral-out-contact" label="Provider’s phone or email" value={contact} onInput={setContact}
          maxLength={200} error={form.fieldError('provider_contact')} autoComplete="off" />
        <TextField id="referral-out-service" label="Service" value={service} onInput={setService} required
          maxLength={200} error={form.fieldError('service')} autoComplete="off" class="wide" />
        <TextAreaField id="referral-out-reason" label="Reason" value={reason} onInput={setReason} required
          maxLength={4000} error={form.fieldError('reason')} class="wide" />
        <CostField id="referral-out-cost" value={cost} onInput={setCost} error={form.fieldError('cost')} />
      </div>
      <FormActions busy={form.busy} label="Save draft referral" onCancel={onCancel} />
    </form>
  );
}
