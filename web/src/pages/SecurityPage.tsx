// "Second factor": the signed-in user enrols an authenticator app (TOTP). Starting gives a secret
// (and the otpauth URI) to enter in the app; a code from the app confirms it. Breaking the glass and
// administrator sign-in need it.

import { useEffect, useState } from 'preact/hooks';
import type { TotpEnrolment } from '../api';
import { ApiError, confirmTotpEnrolment, startTotpEnrolment } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { setTitle } from '../format';

export function SecurityPage() {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => setTitle('Second factor'), []);

  const asApiError = (err: unknown) =>
    err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: String(err) });
  const codeError = error && error.field === 'code' ? error.message : null;
  const otherError = error && error.field !== 'code' ? error : null;

  async function start() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setConfirmed(false);
    setCode('');
    try {
      setEnrolment(await startTotpEnrolment());
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{6}$/.test(code.trim())) {
      setError(new ApiError({ status: 0, code: 'invalid_argument', field: 'code', message: 'Enter the 6-digit code your app shows.' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await confirmTotpEnrolment(code.trim());
      setConfirmed(true);
      setEnrolment(null);
      setCode('');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="security-page">
      <div class="page-heading">
        <h1>Second factor</h1>
        <p class="subtitle">An authenticator app on your phone proves it is you, on top of your password.</p>
      </div>
      {confirmed ? (
        <div class="alert alert-success" role="status">
          <p>
            <strong>Your second factor is on.</strong> Use a code from your authenticator app when Caseboard asks
            for an authentication code, for example to break the glass.
          </p>
        </div>
      ) : null}
      <ErrorAlert error={otherError} />
      <section class="card" aria-labelledby="enrol-heading">
        <h2 id="enrol-heading">Set up an authenticator app</h2>
        <ol class="steps">
          <li>Start the set-up below. Caseboard shows a secret key for you alone.</li>
          <li>In your authenticator app, add an account and type the secret key (or paste the setup URI).</li>
          <li>Enter the 6-digit code the app shows to confirm.</li>
        </ol>
        <p class="muted small">
          Starting again replaces a set-up you have not confirmed. Setting up a new app replaces the old one once
          you confirm it.
        </p>
        <div class="actions">
          <button type="button" class={enrolment ? 'button-secondary' : undefined} onClick={start} disabled={busy}>
            {enrolment ? 'Start again with a new key' : 'Start set-up'}
          </button>
        </div>
        {enrolment ? (
          <div class="subform">
            <h3 id="secret-heading">Your secret key</h3>
            <dl class="details">
              <div class="wide">
                <dt>Secret key</dt>
                <dd class="mono secret" id="totp-secret" data-testid="totp-secret">
                  {enrolment.secret}
                </dd>
              </div>
              <div class="wide">
                <dt>Setup URI</dt>
                <dd class="mono small id" id="totp-uri">
                  {enrolment.otpauth_uri}
                </dd>
              </div>
            </dl>
            <p class="muted small">Keep the key to yourself: anyone who has it can make your codes.</p>
            <form onSubmit={confirm} aria-labelledby="confirm-heading" noValidate>
              <h3 id="confirm-heading">Confirm with a code</h3>
              <TextField
                id="totp-code"
                label="Authentication code"
                value={code}
                onInput={setCode}
                required
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                hint="The 6-digit code your app shows now."
                error={codeError}
                class="code-field"
              />
              <div class="actions">
                <button type="submit" disabled={busy}>
                  {busy ? 'Checking…' : 'Confirm'}
                </button>
              </div>
            </form>
          </div>
        ) : null}
      </section>
    </div>
  );
}
