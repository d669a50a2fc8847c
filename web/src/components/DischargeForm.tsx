// Discharges a case (from active or on hold): where the client goes, the services arranged and
// whether the family was educated. The case moves to "discharged" and the check-in clock starts.

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import { DESTINATION_LABELS } from '../cycleLabels';
import type { Discharge, DischargeDestination, DischargeInput } from '../dischargeApi';
import { DISCHARGE_DESTINATIONS, dischargeCase } from '../dischargeApi';
import { localInputToUtc } from '../format';
import { useApiForm } from '../useApiForm';
import { CheckboxField } from './CheckboxField';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  caseRecord: Case;
  onDone: (discharge: Discharge) => void;
  onStale: () => void;
  onCancel: () => void;
}

const FIELDS = ['destination', 'destination_details', 'services_arranged', 'family_education_done', 'notes', 'discharged_at'];

export function DischargeForm({ caseRecord, onDone, onStale, onCancel }: Props) {
  const [destination, setDestination] = useState<DischargeDestination>('home');
  const [details, setDetails] = useState('');
  const [services, setServices] = useState('');
  const [familyEducated, setFamilyEducated] = useState(false);
  const [notes, setNotes] = useState('');
  const [dischargedAt, setDischargedAt] = useState('');
  const form = useApiForm(FIELDS, onStale);

  async function submit(event: Event) {
    event.preventDefault();
    const at = dischargedAt ? localInputToUtc(dischargedAt) : null;
    const ok = form.check({
      services_arranged: services.trim() ? null : 'List the services arranged (or say none are needed).',
      discharged_at: dischargedAt && !at ? 'Give a date and time, or leave it empty for now.' : null,
    });
    if (!ok) return;
    const input: DischargeInput = {
      destination,
      services_arranged: services.trim(),
      family_education_done: familyEducated,
    };
    if (details.trim()) input.destination_details = details.trim();
    if (notes.trim()) input.notes = notes.trim();
    if (at) input.discharged_at = at;
    const discharge = await form.run(() => dischargeCase(caseRecord, input));
    if (discharge) onDone(discharge);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="discharge-form-heading" noValidate>
      <h3 id="discharge-form-heading">Discharge</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id="discharge-destination" label="Destination" value={destination}
          onChange={(v) => setDestination(v as DischargeDestination)} error={form.fieldError('destination')}
          options={DISCHARGE_DESTINATIONS.map((d) => ({ value: d, label: DESTINATION_LABELS[d] }))} />
        <TextField id="discharge-destination-details" label="Destination details" value={details} onInput={setDetails}
          maxLength={500} error={form.fieldError('destination_details')} autoComplete="off" />
        <TextAreaField id="discharge-services" label="Services arranged" value={services} onInput={setServices}
          required maxLength={4000} error={form.fieldError('services_arranged')} class="wide" />
        <CheckboxField id="discharge-family-education" label="Family education done" checked={familyEducated}
          onChange={setFamilyEducated} error={form.fieldError('family_education_done')} />
        <TextField id="discharge-at" type="datetime-local" label="Discharged at" value={dischargedAt}
          onInput={setDischargedAt} hint="Leave empty for now." error={form.fieldError('discharged_at')} />
        <TextAreaField id="discharge-notes" label="Notes" value={notes} onInput={setNotes} maxLength={4000}
          error={form.fieldError('notes')} class="wide" />
      </div>
      <FormActions busy={form.busy} label="Record discharge" onCancel={onCancel} />
    </form>
  );
}
