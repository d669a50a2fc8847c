// Schedules an appointment or home visit for a case: kind, when, where, the transport and
// interpreter arrangements, and what it costs (optional, for the cost-per-case report).

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import type { Appointment, AppointmentInput, AppointmentKind } from '../appointmentsApi';
import { APPOINTMENT_KINDS, createAppointment } from '../appointmentsApi';
import { APPOINTMENT_KIND_LABELS } from '../cycleLabels';
import { localInputToUtc, utcToLocalInput } from '../format';
import { useApiForm } from '../useApiForm';
import { CheckboxField } from './CheckboxField';
import { CostField, readCost } from './CostField';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  caseRecord: Case;
  onDone: (appointment: Appointment) => void;
  onCancel: () => void;
}

const FIELDS = ['kind', 'starts_at', 'ends_at', 'location', 'transport_arranged', 'transport_details',
  'interpreter_language', 'interpreter_arranged', 'staff_id', 'cost'];

/** Tomorrow at `hour`:00 local time, as a datetime-local value. */
function tomorrowAt(hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(hour, 0, 0, 0);
  return utcToLocalInput(date.toISOString());
}

function plusOneHour(local: string): string {
  const utc = localInputToUtc(local);
  return utc ? utcToLocalInput(new Date(new Date(utc).getTime() + 3_600_000).toISOString()) : '';
}

export function AppointmentForm({ caseRecord, onDone, onCancel }: Props) {
  const [kind, setKind] = useState<AppointmentKind>('home_visit');
  const [startsAt, setStartsAt] = useState(() => tomorrowAt(10));
  const [endsAt, setEndsAt] = useState(() => tomorrowAt(11));
  const [location, setLocation] = useState('');
  const [transport, setTransport] = useState(false);
  const [transportDetails, setTransportDetails] = useState('');
  const [interpreterLanguage, setInterpreterLanguage] = useState('');
  const [interpreterArranged, setInterpreterArranged] = useState(false);
  const [cost, setCost] = useState('');
  const form = useApiForm(FIELDS);

  function changeStart(value: string) {
    setStartsAt(value);
    const start = localInputToUtc(value);
    const end = localInputToUtc(endsAt);
    if (start && (!end || end <= start)) setEndsAt(plusOneHour(value));
  }

  async function submit(event: Event) {
    event.preventDefault();
    const start = localInputToUtc(startsAt);
    const end = localInputToUtc(endsAt);
    const costRead = readCost(cost);
    const ok = form.check({
      starts_at: start ? null : 'Give the start date and time.',
      ends_at: !end ? 'Give the end date and time.' : start && end <= start ? 'The end must be after the start.' : null,
      cost: costRead.ok ? null : costRead.message,
    });
    if (!ok || !costRead.ok) return;
    const input: AppointmentInput = {
      kind,
      starts_at: start!,
      ends_at: end!,
      transport_arranged: transport,
      interpreter_arranged: interpreterArranged,
    };
    if (location.trim()) input.location = location.trim();
    if (transportDetails.trim()) input.transport_details = transportDetails.trim();
    if (interpreterLanguage.trim()) input.interpreter_language = interpreterLanguage.trim();
    if (costRead.cost !== undefined) input.cost = costRead.cost;
    const created = await form.run(() => createAppointment(caseRecord.id, input));
    if (created) onDone(created);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="appointment-form-heading" noValidate>
      <h3 id="appointment-form-heading">Schedule an appointment</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id="appointment-kind" label="Kind" value={kind} onChange={(v) => setKind(v as AppointmentKind)}
          error={form.fieldError('kind')}
          options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: APPOINTMENT_KIND_LABELS[k] }))} />
        <TextField id="appointment-location" label="Location" value={location} onInput={setLocation} maxLength={300}
          error={form.fieldError('location')} autoComplete="off" />
        <TextField id="appointment-starts" type="datetime-local" label="Starts" value={startsAt} onInput={changeStart}
          required error={form.fieldError('starts_at')} />
        <TextField id="appointment-ends" type="datetime-local" label="Ends" value={endsAt} onInput={setEndsAt}
          required error={form.fieldError('ends_at')} />
        <CheckboxField id="appointment-transport" label="Transport arranged" checked={transport}
          onChange={setTransport} error={form.fieldError('transport_arranged')} />
        <TextField id="appointment-transport-details" label="Transport details" value={transportDetails}
          onInput={setTransportDetails} maxLength={500} error={form.fieldError('transport_details')} autoComplete="off" />
        <TextField id="appointment-interpreter-language" label="Interpreter language" value={interpreterLanguage}
          onInput={setInterpreterLanguage} hint="A language tag such as es; empty when none is needed."
          error={form.fieldError('interpreter_language')} autoComplete="off" />
        <CheckboxField id="appointment-interpreter-arranged" label="Interpreter arranged" checked={interpreterArranged}
          onChange={setInterpreterArranged} error={form.fieldError('interpreter_arranged')} />
        <CostField id="appointment-cost" value={cost} onInput={setCost} error={form.fieldError('cost')} />
      </div>
      <FormActions busy={form.busy} label="Schedule" onCancel={onCancel} />
    </form>
  );
}
