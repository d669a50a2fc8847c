// "Consent and restriction": the client's consents (who they name, for what, until when), a form to
// record one, revoking, and restricting the record to consented staff. Closed by default and loaded
// when first opened, like "Access to this client".

import { useState } from 'preact/hooks';
import type { Client, Consent, User } from '../api';
import { errorMessage, listConsents, listUsers, revokeConsent } from '../api';
import { formatDateTime } from '../format';
import { useResource } from '../useResource';
import { ConsentForm } from './ConsentForm';
import { ErrorAlert } from './ErrorAlert';
import { RestrictionToggle } from './RestrictionToggle';
import { StaffName } from './StaffName';

interface Props {
  client: Client;
  onClientChanged: (client: Client) => void;
}

function inForce(consent: Consent, now: Date): boolean {
  if (consent.revoked_at) return false;
  return !consent.expires_at || new Date(consent.expires_at).getTime() > now.getTime();
}

export function ConsentSection({ client, onClientChanged }: Props) {
  const [opened, setOpened] = useState(false);
  const consents = useResource(() => (opened ? listConsents(client.id) : Promise.resolve(null)), [client.id, opened]);
  const users = useResource(() => (opened ? listUsers() : Promise.resolve(null)), [opened]);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const userList: User[] = users.data?.items ?? [];
  const items = consents.data?.items ?? [];
  const now = new Date();

  async function revoke(consent: Consent) {
    setRevoking(consent.id);
    setRevokeError(null);
    try {
      await revokeConsent(client.id, consent.id);
      setMessage('Consent revoked.');
      consents.reload();
    } catch (err) {
      setRevokeError(errorMessage(err));
    } finally {
      setRevoking(null);
    }
  }

  return (
    <section class="card access-card consent-card" aria-labelledby="consent-heading">
      <details
        class="access-details"
        onToggle={(event) => {
          if ((event.currentTarget as HTMLDetailsElement).open) setOpened(true);
        }}
      >
        <summary>
          <h2 id="consent-heading">Consent and restriction</h2>
          <span class="muted small summary-hint">Who the client allows to open a restricted record</span>
        </summary>
        <div class="access-body">
          <ErrorAlert error={consents.error ?? users.error} />
          {revokeError ? <ErrorAlert error={new Error(revokeError)} /> : null}
          <p class="muted" role="status" aria-live="polite">
            {consents.loading
              ? 'Loading consents…'
              : consents.data
                ? message || (items.length === 0 ? 'No consents recorded.' : `${items.length} consent${items.length === 1 ? '' : 's'}.`)
                : ''}
          </p>
          {items.length > 0 ? (
            <div class="table-wrap">
              <table class="consent-table">
                <caption class="visually-hidden">Consents of this client</caption>
                <thead>
                  <tr>
                    <th scope="col">Staff member</th>
                    <th scope="col">Purpose</th>
                    <th scope="col">Granted</th>
                    <th scope="col">Expires</th>
                    <th scope="col">State</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((consent) => {
                    const live = inForce(consent, now);
                    const name = userList.find((u) => u.id === consent.grantee_user_id)?.display_name ?? consent.grantee_user_id;
                    return (
                      <tr key={consent.id}>
                        <td><StaffName userId={consent.grantee_user_id} users={userList} /></td>
                        <td>{consent.purpose}</td>
                        <td><time dateTime={consent.granted_at}>{formatDateTime(consent.granted_at)}</time></td>
                        <td>{consent.expires_at ? <time dateTime={consent.expires_at}>{formatDateTime(consent.expires_at)}</time> : 'No end'}</td>
                        <td>
                          {consent.revoked_at ? (
                            <span class="badge badge-refused">Revoked {formatDateTime(consent.revoked_at)}</span>
                          ) : live ? (
                            <span class="badge badge-allowed">In force</span>
                          ) : (
                            <span class="badge badge-restricted">Expired</span>
                          )}
                        </td>
                        <td>
                          {!consent.revoked_at ? (
                            <button
                              type="button"
                              class="button-secondary"
                              onClick={() => revoke(consent)}
                              disabled={revoking !== null}
                              aria-label={`Revoke the consent naming ${name}`}
                            >
                              {revoking === consent.id ? 'Revoking…' : 'Revoke'}
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
          {opened ? (
            <ConsentForm
              clientId={client.id}
              users={userList}
              onRecorded={() => {
                setMessage('Consent recorded.');
                consents.reload();
              }}
            />
          ) : null}
          <div class="subform">
            <RestrictionToggle client={client} onChanged={onClientChanged} />
          </div>
        </div>
      </details>
    </section>
  );
}
