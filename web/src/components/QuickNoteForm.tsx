// Quick note entry after a visit or call: the contact type, the time of service (default now),
// what happened, optionally the structured parts (purpose, observations, interventions, the
// client's response, plan) and the appointment it documents, and "Sign now". A signed note is
// final; corrections to it are addenda.

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import { listAppointments } from '../appointmentsApi';
import { APPOINTMENT_KIND_LABELS, CONTACT_TYPE_LABELS, labelOf } from '../cycleLabels';
import { formatDateTime, localInputToUtc, nowLocalInput } from '../format';
import type { ContactType, Note, NoteFields, NoteInput } from '../notesApi';
import { CONTACT_TYPES, createNote, NOTE_FIELD_KEYS } from '../notesApi';
import { useApiForm } from '../useApiForm';
import { useResource } from '../useResource';
import { CheckboxField } from './CheckboxField';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  caseRecord: Case;
  onDone: (note: Note) => void;
  onCancel: () => void;
}

const FIELD_LABELS: Record<(typeof NOTE_FIELD_KEYS)[number], string> = {
  purpose: 'Purpose of the contact',
  observations: 'Observations',
  interventions: 'Interventions',
  client_response: 'Client’s response',
  plan: 'Plan',
};

const FIELDS = ['contact_type', 'service_at', 'body', 'appointment_id', 'sign', ...NOTE_FIELD_KEYS.map((k) => `fields.${k}`)];

export function QuickNoteForm({ caseRecord, onDone, onCancel }: Props) {
  const [contactType, setContactType] = useState<ContactType>('home_visit');
  const [serviceAt, setServiceAt] = useState(() => nowLocalInput());
  const [body, setBody] = useState('');
  const [fields, setFields] = useState<NoteFields>({});
  const [appointmentId, setAppointmentId] = useState('');
  const [sign, setSign] = useState(false);
  const form = useApiForm(FIELDS);
  // Attended appointments of this case: a note naming one stops that appointment's note clock.
  const appointments = useResource(() => listAppointments(caseRecord.client_id), [caseRecord.client_id]);
  const attended = (appointments.data?.items ?? []).filter((a) => a.case_id === caseRecord.id && a.status === 'attended');

  async function submit(event: Event) {
    event.preventDefault();
    const at = localInputToUtc(serviceAt);
    const ok = form.check({
      service_at: at ? null : 'Give the date and time of the service.',
      body: body.trim() ? null : 'Write what happened.',
    });
    if (!ok) return;
    const input: NoteInput = { contact_type: contactType, service_at: at!, body: body.trim(), sign };
    const filled = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()]),
    );
    if (Object.keys(filled).length > 0) input.fields = filled;
    if (appointmentId) input.appointment_id = appointmentId;
    const note = await form.run(() => createNote(caseRecord.id, input));
    if (note) onDone(note);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="note-form-heading" noValidate>
      <h3 id="note-form-heading">Write a progress note</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <SelectField id="note-contact-type" label="Contact type" value={contactType}
          onChange={(v) => setContactType(v as ContactType)} error={form.fieldError('contact_type')}
          options={CONTACT_TYPES.map((t) => ({ value: t, label: CONTACT_TYPE_LABELS[t] }))} />
        <TextField id="note-service-at" type="datetime-local" label="Time of service" value={serviceAt}
          onInput={setServiceAt} required hint="When the contact happened; not in the future."
          error={form.fieldError('service_at')} />
        {attended.length > 0 ? (
          <SelectField id="note-appointment" label="Documents the appointment" value={appointmentId}
            onChange={setAppointmentId} error={form.fieldError('appointment_id')} class="wide"
            options={[
              { value: '', label: 'None' },
              ...attended.map((a) => ({
                value: a.id,
                label: `${labelOf(APPOINTMENT_KIND_LABELS, a.kind)}, ${formatDateTime(a.starts_at)}`,
              })),
            ]} />
        ) : null}
        <TextAreaField id="note-body" label="Note" value={body} onInput={setBody} required rows={5} maxLength={20000}
          error={form.fieldError('body')} class="wide" />
      </div>
      <details class="note-structure" open={NOTE_FIELD_KEYS.some((k) => form.fieldError(`fields.${k}`))}>
        <summary>Structured fields (optional)</summary>
        <div class="form-grid">
          {NOTE_FIELD_KEYS.map((key) => (
            <TextAreaField key={key} id={`note-field-${key}`} label={FIELD_LABELS[key]} value={fields[key] ?? ''}
              onInput={(value) => setFields({ ...fields, [key]: value })} rows={2} maxLength={4000}
              error={form.fieldError(`fields.${key}`)} />
          ))}
        </div>
      </details>
      <CheckboxField id="note-sign" label="Sign now (a signed note cannot be changed; corrections become addenda)"
        checked={sign} onChange={setSign} error={form.fieldError('sign')} />
      <FormActions busy={form.busy} label={sign ? 'Save and sign' : 'Save draft'} onCancel={onCancel} />
    </form>
  );
}
