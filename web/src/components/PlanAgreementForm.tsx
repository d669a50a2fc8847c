// Records that the client, their family or guardian agreed to the care plan as it stands now
// (POST /cases/{id}/care-plan/agreement, If-Match the plan's version).

import { useState } from 'preact/hooks';
import type { AgreementKind, CarePlan } from '../carePlanApi';
import { AGREEMENT_KINDS, recordPlanAgreement } from '../carePlanApi';
import { AGREEMENT_KIND_LABELS } from '../carePlanLabels';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  plan: CarePlan;
  idPrefix: string;
  onDone: (plan: CarePlan) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function PlanAgreementForm({ plan, idPrefix, onDone, onStale, onCancel }: Props) {
  const [kind, setKind] = useState<AgreementKind>('client');
  const [name, setName] = useState('');
  const form = useApiForm(['kind', 'name'], onStale);

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ name: name.trim() ? null : 'Enter the name of who agreed.' })) return;
    const saved = await form.run(() => recordPlanAgreement(plan, kind, name.trim()));
    if (saved) onDone(saved);
  }

  return (
    <form class="subform" onSubmit={submit} aria-label="Record agreement to the care plan" noValidate>
      <p class="muted small">Agreement to version {plan.version}, the plan as it stands now.</p>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id={`${idPrefix}-agreement-kind`} label="Who agreed" value={kind} error={form.fieldError('kind')}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: AGREEMENT_KIND_LABELS[k] }))}
          onChange={(value) => setKind(value as AgreementKind)} />
        <TextField id={`${idPrefix}-agreement-name`} label="Name" value={name} onInput={setName} required
          maxLength={200} error={form.fieldError('name')} />
      </div>
      <FormActions busy={form.busy} label="Record agreement" onCancel={onCancel} />
    </form>
  );
}
