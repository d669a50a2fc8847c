// Restricts a client's record to the staff a consent in force names, or lifts the restriction.
// Sent with the client's version (If-Match); restricting needs a consent naming the current user.

import { useState } from 'preact/hooks';
import type { Client } from '../api';
import { ApiError, errorMessage, setRestriction } from '../api';

interface Props {
  client: Client;
  onChanged: (client: Client) => void;
}

export function RestrictionToggle({ client, onChanged }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function toggle() {
    if (busy) return;
    const next = !client.restricted;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const updated = await setRestriction(client, next);
      setDone(next ? 'The record is now restricted.' : 'The restriction is lifted.');
      onChanged(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const needsConsent = error instanceof ApiError && error.status === 409 && error.field === 'restricted';
  const stale = error instanceof ApiError && error.status === 412;

  return (
    <div class="restriction" aria-labelledby="restriction-heading" role="group">
      <h3 id="restriction-heading">Restriction</h3>
      <p>
        {client.restricted
          ? 'This record is restricted: only staff named by a consent in force may open it.'
          : 'This record is not restricted: the client’s care team may open it.'}
      </p>
      {error ? (
        <div class="alert alert-error" role="alert" id="restriction-error">
          {needsConsent ? (
            <p>
              <strong>Record a consent naming you first.</strong> A restricted record is open only to the staff a
              consent names, so restricting it without one would shut you out. ({errorMessage(error)})
            </p>
          ) : stale ? (
            <p>Someone changed this client since the page loaded. Reload the page and try again.</p>
          ) : (
            <p>{errorMessage(error)}</p>
          )}
        </div>
      ) : null}
      <p role="status" class="muted small">
        {done ?? ''}
      </p>
      <div class="actions">
        <button
          type="button"
          class={client.restricted ? 'button-secondary' : 'button-warning'}
          onClick={toggle}
          disabled={busy}
          aria-describedby={error ? 'restriction-error' : undefined}
        >
          {busy ? 'Saving…' : client.restricted ? 'Lift the restriction' : 'Restrict this record'}
        </button>
      </div>
    </div>
  );
}
