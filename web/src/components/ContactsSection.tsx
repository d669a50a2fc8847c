// A client's support network: the contacts table and the "Add contact" form.

import { useState } from 'preact/hooks';
import { listContacts } from '../api';
import { DISCLOSURE_LABELS, RELATIONSHIP_LABELS } from '../format';
import { useResource } from '../useResource';
import { AddContactForm } from './AddContactForm';
import { ErrorAlert } from './ErrorAlert';

export function ContactsSection({ clientId }: { clientId: string }) {
  const contacts = useResource(() => listContacts(clientId), [clientId]);
  const [adding, setAdding] = useState(false);
  const items = contacts.data?.items ?? [];

  return (
    <section class="card" aria-labelledby="contacts-heading">
      <div class="card-heading">
        <h2 id="contacts-heading">Contacts</h2>
        {!adding ? (
          <button type="button" class="button-secondary" onClick={() => setAdding(true)}>
            Add contact
          </button>
        ) : null}
      </div>
      <ErrorAlert error={contacts.error} />
      {contacts.loading && !contacts.data ? <p class="muted">Loading contacts…</p> : null}
      {contacts.data && items.length === 0 ? <p class="muted">No contacts recorded yet.</p> : null}
      {items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Support network</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Relationship</th>
                <th scope="col">Phone</th>
                <th scope="col">Emergency</th>
                <th scope="col">May be told</th>
              </tr>
            </thead>
            <tbody>
              {items.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    {contact.name}
                    {contact.email ? <div class="muted small">{contact.email}</div> : null}
                    {contact.notes ? <div class="muted small">{contact.notes}</div> : null}
                  </th>
                  <td>{RELATIONSHIP_LABELS[contact.relationship] ?? contact.relationship}</td>
                  <td>{contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : '—'}</td>
                  <td>
                    {contact.is_emergency_contact ? (
                      <span class="badge badge-attention">Emergency contact</span>
                    ) : (
                      'No'
                    )}
                  </td>
                  <td>{DISCLOSURE_LABELS[contact.disclosure] ?? contact.disclosure}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {adding ? (
        <AddContactForm
          clientId={clientId}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            contacts.reload();
          }}
        />
      ) : null}
    </section>
  );
}
