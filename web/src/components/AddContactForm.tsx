// Form to add a person to a client's support network, with what they may be told (disclosure).

import { useState } from 'preact/hooks';
import type { Contact, ContactInput, Disclosure, Relationship } from '../api';
import { ApiError, createContact, DISCLOSURES, RELATIONSHIPS } from '../api';
import { DISCLOSURE_LABELS, RELATIONSHIP_LABELS } from '../format';
import { CheckboxField } from './CheckboxField';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  clientId: string;
  onAdded: (contact: Contact) => void;
  onCancel: () => void;
}

const FIELDS = ['name', 'relationship', 'phone', 'email', 'is_emergency_contact', 'disclosure', 'notes'];

export function AddContactForm({ clientId, onAdded, onCancel }: Props) {
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<Relationship>('spouse');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [disclosure, setDisclosure] = useState<Disclosure>('none');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const fieldError = (field: string) => (error && error.field === field ? error.message : null);
  const unplacedError = error && !(error.field && FIELDS.includes(error.field)) ? error : null;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const input: ContactInput = {
      name: name.trim(),
      relationship,
      is_emergency_contact: emergency,
      disclosure,
    };
    if (phone.trim()) input.phone = phone.trim();
    if (email.trim()) input.email = email.trim();
    if (notes.trim()) input.notes = notes.trim();
    setBusy(true);
    setError(null);
    try {
      const contact = await createContact(clientId, input);
      onAdded(contact);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="add-contact-heading" noValidate>
      <h3 id="add-contact-heading">Add contact</h3>
      <ErrorAlert error={unplacedError} />
      <div class="form-grid">
        <TextField id="contact-name" label="Contact name" value={name} onInput={setName} required
          error={fieldError('name')} autoComplete="off" maxLength={200} />
        <SelectField id="contact-relationship" label="Relationship" value={relationship}
          onChange={(v) => setRelationship(v as Relationship)} error={fieldError('relationship')}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_LABELS[r] }))} />
        <TextField id="contact-phone" label="Contact phone" type="tel" value={phone} onInput={setPhone}
          error={fieldError('phone')} autoComplete="off" />
        <TextField id="contact-email" label="Contact email" type="email" value={email} onInput={setEmail}
          error={fieldError('email')} autoComplete="off" />
        <SelectField id="contact-disclosure" label="May be told" value={disclosure}
          onChange={(v) => setDisclosure(v as Disclosure)} error={fieldError('disclosure')}
          hint="What this person may be told about the client (consent)."
          options={DISCLOSURES.map((d) => ({ value: d, label: DISCLOSURE_LABELS[d] }))} />
        <CheckboxField id="contact-emergency" label="Emergency contact" checked={emergency}
          onChange={setEmergency} error={fieldError('is_emergency_contact')} />
        <TextField id="contact-notes" label="Notes" value={notes} onInput={setNotes}
          error={fieldError('notes')} autoComplete="off" class="wide" />
      </div>
      <FormActions busy={busy} label="Save contact" onCancel={onCancel} />
    </form>
  );
}
