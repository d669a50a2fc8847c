// Records a readmission after a discharge (tracked against it: within 30 days or not).

import { useState } from 'preact/hooks';
import type { Discharge } from '../dischargeApi';
import { recordReadmission } from '../dischargeApi';
import { localInputToUtc, nowLocalInput } from '../format';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextField } from './TextField';

interface Props {
  discharge: Discharge;
  onDone: (updated: Discharge) => void;
  onCancel: () => void;
}

export function ReadmissionForm({ discharge, onDone, onCancel }: Props) {
  const [admittedAt, setAdmittedAt] = useState(() => nowLocalInput());
  const [facility, setFacility] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm(['admitted_at', 'facility', 'reason']);
  const id = (name: string) => `readmission-${discharge.id}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    const at = localInputToUtc(admittedAt);
    const ok = form.check({
      admitted_at: at ? null : 'Give the date and time of admission.',
      facility: facility.trim() ? null : 'Name the facility.',
      reason: reason.trim() ? null : 'Give the reason for the readmission.',
    });
    if (!ok) return;
    const updated = await form.run(() => recordReadmission(discharge, { admitted_at: at!, facility: facility.trim(), reason: reason.trim() }));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h4 id={id('heading')}>Readmission</h4>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <TextField id={id('at')} type="datetime-local" label="Admitted at" value={admittedAt} onInput={setAdmittedAt}
          required error={form.fieldError('admitted_at')} />
        <TextField id={id('facility')} label="Facility" value={facility} onInput={setFacility} required maxLength={200}
          error={form.fieldError('facility')} autoComplete="off" />
        <TextField id={id('reason')} label="Reason for readmission" value={reason} onInput={setReason} required
          maxLength={1000} error={form.fieldError('reason')} autoComplete="off" class="wide" />
      </div>
      <FormActions busy={form.busy} label="Save readmission" onCancel={onCancel} />
    </form>
  );
}
