// Adds a client's coverage: who pays (payer kind and name), the member id, and when eligibility
// was last verified.

import { useState } from 'preact/hooks';
import type { Coverage } from '../coverageApi';
import { createCoverage, todayForServer } from '../coverageApi';
import { PAYER_LABELS } from '../coverageLabels';
import type { PayerKind } from '../directoryApi';
import { PAYER_KINDS } from '../directoryApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  clientId: string;
  onDone: (coverage: Coverage) => void;
  onCancel: () => void;
}

export function CoverageForm({ clientId, onDone, onCancel }: Props) {
  const [payerKind, setPayerKind] = useState<PayerKind>('medicaid');
  const [payerName, setPayerName] = useState('');
  const [memberId, setMemberId] = useState('');
  const [verifiedOn, setVerifiedOn] = useState('');
  const form = useApiForm(['payer_kind', 'payer_name', 'member_id', 'verified_on']);

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ payer_name: payerName.trim() ? null : 'Enter the payer’s name, such as the plan.' })) return;
    const created = await form.run(() =>
      createCoverage(clientId, {
        payer_kind: payerKind,
        payer_name: payerName.trim(),
        ...(memberId.trim() ? { member_id: memberId.trim() } : {}),
        ...(verifiedOn ? { verified_on: verifiedOn } : {}),
      }),
    );
    if (created) onDone(created);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="coverage-form-heading" noValidate>
      <h4 id="coverage-form-heading">Add coverage</h4>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id="coverage-payer-kind" label="Payer kind" value={payerKind} error={form.fieldError('payer_kind')}
          options={PAYER_KINDS.map((k) => ({ value: k, label: PAYER_LABELS[k] }))}
          onChange={(value) => setPayerKind(value as PayerKind)} />
        <TextField id="coverage-payer-name" label="Payer name" value={payerName} onInput={setPayerName} required
          maxLength={200} error={form.fieldError('payer_name')} />
        <TextField id="coverage-member-id" label="Member ID" value={memberId} onInput={setMemberId} maxLength={64}
          inputClass="mono" error={form.fieldError('member_id')} />
        <TextField id="coverage-verified-on" label="Eligibility verified on" type="date" value={verifiedOn}
          onInput={setVerifiedOn} hint={`Not in the future; leave empty if not verified yet. Today: ${todayForServer()}.`}
          error={form.fieldError('verified_on')} />
      </div>
      <FormActions busy={form.busy} label="Add coverage" onCancel={onCancel} />
    </form>
  );
}
