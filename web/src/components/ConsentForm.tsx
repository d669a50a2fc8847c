// Form to record a client's consent naming a staff member (grantee), its purpose and optional expiry.

import { useState } from 'preact/hooks';
import type { Consent, ConsentInput, User } from '../api';
import { ApiError, createConsent } from '../api';
import { localInputToUtc, ROLE_LABELS } from '../format';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  clientId: string;
  users: User[];
  onRecorded: (consent: Consent) => void;
}

const GRANTEE_ROLES = new Set(['case_manager', 'nurse_case_manager', 'supervisor', 'director']);
const FIELDS = ['grantee_user_id', 'purpose', 'expires_at'];

export function ConsentForm({ clientId, users, onRecorded }: Props) {
  const [grantee, setGrantee] = useState('');
  const [purpose, setPurpose] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const candidates = users
    .filter((user) => user.active && GRANTEE_ROLES.has(user.role))
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
  const fieldError = (field: string) => (error && error.field === field ? error.message : null);
  const unplacedError = error && !(error.field && FIELDS.includes(error.field)) ? error : null;
  const local = (field: string, message: string) =>
    new ApiError({ status: 0, code: 'invalid_argument', field, message });

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!grantee) return setError(local('grantee_user_id', 'Choose the staff member the consent names.'));
    if (!purpose.trim()) return setError(local('purpose', 'Say what the consent is for.'));
    const input: ConsentInput = { grantee_user_id: grantee, purpose: purpose.trim() };
    if (expires) {
      const utc = localInputToUtc(expires);
      if (!utc) return setError(local('expires_at', 'Enter a date and time, or leave it empty.'));
      input.expires_at = utc;
    }
    setBusy(true);
    setError(null);
    try {
      const consent = await createConsent(clientId, input);
      setGrantee('');
      setPurpose('');
      setExpires('');
      onRecorded(consent);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="consent-form-heading" noValidate>
      <h3 id="consent-form-heading">Record a consent</h3>
      <ErrorAlert error={unplacedError} />
      <div class="form-grid">
        <SelectField
          id="consent-grantee"
          label="Staff member named"
          value={grantee}
          onChange={setGrantee}
          required
          error={fieldError('grantee_user_id')}
          options={[
            { value: '', label: 'Choose…' },
            ...candidates.map((user) => ({
              value: user.id,
              label: `${user.display_name} (${ROLE_LABELS[user.role] ?? user.role})`,
            })),
          ]}
        />
        <TextField
          id="consent-purpose"
          label="Purpose"
          value={purpose}
          onInput={setPurpose}
          required
          maxLength={500}
          autoComplete="off"
          error={fieldError('purpose')}
        />
        <TextField
          id="consent-expires"
          label="Expires"
          type="datetime-local"
          value={expires}
          onInput={setExpires}
          hint="Your local time; leave empty for a consent without an end."
          error={fieldError('expires_at')}
        />
      </div>
      <FormActions busy={busy} label="Record consent" busyLabel="Recording…" />
    </form>
  );
}
