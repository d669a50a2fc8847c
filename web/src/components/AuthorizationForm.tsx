// Adds an authorization a payer gave: which coverage, the service, units approved (and any used
// already) and the dates it is valid.

import { useState } from 'preact/hooks';
import type { Authorization, Coverage } from '../coverageApi';
import { createAuthorization } from '../coverageApi';
import { PAYER_LABELS } from '../coverageLabels';
import { labelOf } from '../cycleLabels';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { NumberField, wholeNumber } from './NumberField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  clientId: string;
  coverages: Coverage[];
  onDone: (authorization: Authorization) => void;
  onCancel: () => void;
}

export function AuthorizationForm({ clientId, coverages, onDone, onCancel }: Props) {
  const [coverageId, setCoverageId] = useState(coverages[0]?.id ?? '');
  const [service, setService] = useState('');
  const [approved, setApproved] = useState('');
  const [used, setUsed] = useState('0');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const form = useApiForm(['coverage_id', 'service', 'units_approved', 'units_used', 'valid_from', 'valid_to']);

  async function submit(event: Event) {
    event.preventDefault();
    const unitsApproved = wholeNumber(approved);
    const unitsUsed = used.trim() ? wholeNumber(used) : 0;
    const ok = form.check({
      coverage_id: coverageId ? null : 'Choose the coverage that approved it.',
      service: service.trim() ? null : 'Enter the service approved.',
      units_approved: unitsApproved !== null && unitsApproved >= 1 ? null : 'Enter the units approved (1 or more).',
      units_used:
        unitsUsed !== null && unitsUsed >= 0 && (unitsApproved === null || unitsUsed <= unitsApproved)
          ? null
          : 'Enter the units used so far, from 0 to the units approved.',
      valid_from: validFrom ? null : 'Choose the first day it is valid.',
      valid_to: validTo ? null : 'Choose the last day it is valid.',
    });
    if (!ok || unitsApproved === null || unitsUsed === null) return;
    const created = await form.run(() =>
      createAuthorization(clientId, {
        coverage_id: coverageId,
        service: service.trim(),
        units_approved: unitsApproved,
        units_used: unitsUsed,
        valid_from: validFrom,
        valid_to: validTo,
      }),
    );
    if (created) onDone(created);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="authorization-form-heading" noValidate>
      <h4 id="authorization-form-heading">Add authorization</h4>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id="authorization-coverage" label="Coverage" value={coverageId} required
          error={form.fieldError('coverage_id')} onChange={setCoverageId}
          options={coverages.map((c) => ({ value: c.id, label: `${c.payer_name} (${labelOf(PAYER_LABELS, c.payer_kind)})` }))} />
        <TextField id="authorization-service" label="Service" value={service} onInput={setService} required
          maxLength={200} error={form.fieldError('service')} hint="Such as home health aide hours." />
        <NumberField id="authorization-units-approved" label="Units approved" value={approved} onInput={setApproved}
          min={1} required error={form.fieldError('units_approved')} />
        <NumberField id="authorization-units-used" label="Units used so far" value={used} onInput={setUsed} min={0}
          error={form.fieldError('units_used')} />
        <TextField id="authorization-valid-from" label="Valid from" type="date" value={validFrom} onInput={setValidFrom}
          required error={form.fieldError('valid_from')} />
        <TextField id="authorization-valid-to" label="Valid to" type="date" value={validTo} onInput={setValidTo}
          required error={form.fieldError('valid_to')} />
      </div>
      <FormActions busy={form.busy} label="Add authorization" onCancel={onCancel} />
    </form>
  );
}
