// "Break the glass": emergency access to a client outside the user's caseload or care team, with a
// reason and a code from the user's second factor. The server grants 60 minutes, records every
// read under the grant with the reason, and alerts the user's supervisor and every auditor.

import { useState } from 'preact/hooks';
import type { BreakGlassGrant } from '../api';
import { ApiError, breakGlass } from '../api';
import { href } from '../router';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  clientId: string;
  onGranted: (grant: BreakGlassGrant) => void;
}

const MIN_REASON = 10;
const MAX_REASON = 1000;

export function BreakGlassForm({ clientId, onGranted }: Props) {
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // 409 naming totp_code: the user has no second factor yet, so a code cannot be given at all.
  const noSecondFactor = error?.status === 409 && error.field === 'totp_code';
  const fieldError = (field: string) =>
    error && error.field === field && !noSecondFactor ? error.message : null;
  const unplacedError =
    error && !noSecondFactor && !(error.field === 'reason' || error.field === 'totp_code') ? error : null;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON) {
      setError(
        new ApiError({
          status: 0,
          code: 'invalid_argument',
          field: 'reason',
          message: `Give a reason of at least ${MIN_REASON} characters.`,
        }),
      );
      return;
    }
    if (!/^\d{6}$/.test(code.trim())) {
      setError(
        new ApiError({
          status: 0,
          code: 'invalid_argument',
          field: 'totp_code',
          message: 'Enter the 6-digit code from your authenticator app.',
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const grant = await breakGlass(clientId, trimmed, code.trim());
      onGranted(grant);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: String(err) }));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card break-glass" aria-labelledby="break-glass-heading">
      <h2 id="break-glass-heading">Break the glass</h2>
      <div class="alert alert-warning" id="break-glass-warning">
        <p>
          <strong>Only in an emergency, when the client’s care cannot wait.</strong> Breaking the glass opens this
          record for <strong>60 minutes</strong>. Your reason and every read of the record are{' '}
          <strong>recorded in the audit trail</strong>, and <strong>your supervisor and the auditors are alerted
          at once</strong>.
        </p>
      </div>
      {noSecondFactor ? (
        <div class="alert alert-error" role="alert">
          <p>
            <strong>You have no second factor yet.</strong> Breaking the glass needs a code from an authenticator
            app, so that only you can use your account for it. Set one up first, then come back to this page.
          </p>
          <p>
            <a href={href('/security')}>Set up your second factor</a>
          </p>
        </div>
      ) : null}
      <ErrorAlert error={unplacedError} />
      <form onSubmit={submit} aria-labelledby="break-glass-heading" aria-describedby="break-glass-warning" noValidate>
        <TextAreaField
          id="break-glass-reason"
          label="Reason for access"
          value={reason}
          onInput={setReason}
          required
          rows={3}
          maxLength={MAX_REASON}
          hint={`Why you need this record now (${MIN_REASON}–${MAX_REASON} characters). Auditors read it.`}
          error={fieldError('reason')}
        />
        <TextField
          id="break-glass-code"
          label="Authentication code"
          value={code}
          onInput={setCode}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          hint="The 6-digit code from your authenticator app."
          error={fieldError('totp_code')}
          class="code-field"
        />
        <FormActions busy={busy} label="Break the glass and open the record" busyLabel="Opening…"
          submitClass="button-warning" />
      </form>
    </section>
  );
}
