// Sign-in screen: username and password, then the code of the second factor when the account has
// one; shows the API's error message, or why the user is here again (their session ended).

import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../api';
import { ApiError, login } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { setTitle } from '../format';

interface Props {
  notice: string | null;
  onSignedIn: (user: User) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const codeInput = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);

  const usernameInput = useRef<HTMLInputElement | null>(null);

  // The autofocus attribute is ignored for elements inserted after page load, so focus by hand.
  useEffect(() => {
    setTitle('Sign in');
    usernameInput.current?.focus();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(new Error('Enter your username and password.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await login(username.trim(), password, needsCode ? code.trim() : undefined);
      onSignedIn(user);
    } catch (err) {
      setBusy(false);
      setCode('');
      if (err instanceof ApiError && err.status === 401 && err.field === 'totp_code' && !needsCode) {
        // The password was right; the account has a second factor: ask for its code.
        setNeedsCode(true);
        setTimeout(() => codeInput.current?.focus(), 0);
        return;
      }
      setError(err);
      setPassword('');
      setNeedsCode(false);
    }
  }

  return (
    <div class="signin">
      <h1>Sign in to Caseboard</h1>
      {notice && !error ? (
        <div class="alert alert-info" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      <form onSubmit={submit} class="card" aria-label="Sign in">
        <TextField id="username" label="Username" value={username} onInput={setUsername}
          autoComplete="username" required inputRef={(el) => (usernameInput.current = el)} />
        <TextField id="password" label="Password" type="password" value={password}
          onInput={setPassword} autoComplete="current-password" required />
        {needsCode ? (
          <TextField id="totp-code" label="Authentication code" value={code} onInput={setCode}
            hint="This account has a second factor: enter the 6-digit code from your authenticator app."
            autoComplete="one-time-code" inputMode="numeric" maxLength={6} required
            inputRef={(el) => (codeInput.current = el)} />
        ) : null}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </div>
  );
}
