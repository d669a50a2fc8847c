// The app shell: who is signed in, which screen the hash route names, and the 401 → sign-in rule.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from './api';
import { getMe, getToken, logout, onUnauthenticated } from './api';
import { Header } from './components/Header';
import { ClientCreate } from './pages/ClientCreate';
import { ClientList } from './pages/ClientList';
import { ClientPage } from './pages/ClientPage';
import { NotFound } from './pages/NotFound';
import { SignIn } from './pages/SignIn';
import { matchRoute, navigate, useLocation } from './router';

const SESSION_ENDED = 'Your session ended; please sign in again';
const LOGIN_HASH = '#/login';

export function App() {
  const location = useLocation();
  const route = matchRoute(location.path);
  const [user, setUser] = useState<User | null>(null);
  // True while a token from an earlier page load is being checked with GET /me.
  const [restoring, setRestoring] = useState(() => getToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  // Where to go after signing in (the screen the user asked for, or was on when the session ended).
  const returnTo = useRef<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    onUnauthenticated(() => {
      const here = window.location.hash;
      if (here && here !== LOGIN_HASH) returnTo.current = here;
      setUser(null);
      setRestoring(false);
      setNotice(SESSION_ENDED);
    });
    if (getToken()) {
      getMe()
        .then((me) => setUser(me))
        .catch(() => {
          // A 401 already went through the handler above; anything else leaves us signed out.
        })
        .finally(() => setRestoring(false));
    }
  }, []);

  // Signed out: every screen is the sign-in screen. Signed in: the sign-in route moves on.
  useEffect(() => {
    if (restoring) return;
    if (!user && route.name !== 'login') {
      if (window.location.hash && window.location.hash !== LOGIN_HASH) returnTo.current = window.location.hash;
      navigate(LOGIN_HASH, { replace: true });
    } else if (user && route.name === 'login') {
      const target = returnTo.current ?? '#/clients';
      returnTo.current = null;
      navigate(target, { replace: true });
    }
  }, [user, route.name, restoring]);

  // Move focus to the main region on every screen change so screen readers start there.
  useEffect(() => {
    if (user && route.name !== 'login') mainRef.current?.focus({ preventScroll: true });
  }, [location.path]);

  async function signOut() {
    setSigningOut(true);
    try {
      await logout();
    } catch {
      // The token is dropped locally whatever the server answered.
    }
    setSigningOut(false);
    setUser(null);
    setNotice(null);
    returnTo.current = null;
    navigate(LOGIN_HASH);
  }

  function skipToMain(event: Event) {
    // A plain #main link would be read as a route by the hash router.
    event.preventDefault();
    mainRef.current?.focus();
  }

  if (restoring) {
    return (
      <main id="main" class="app-main" tabIndex={-1} ref={mainRef}>
        <p class="muted" role="status">
          Loading…
        </p>
      </main>
    );
  }

  if (!user) {
    return (
      <main id="main" class="app-main signin-main" tabIndex={-1} ref={mainRef}>
        <SignIn
          notice={notice}
          onSignedIn={(signedIn) => {
            setNotice(null);
            setUser(signedIn);
          }}
        />
      </main>
    );
  }

  const current = route.name === 'clients' ? 'clients' : route.name === 'client-new' ? 'client-new' : 'other';
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <Header user={user} current={current} onSignOut={signOut} signingOut={signingOut} />
      <main id="main" class="app-main" tabIndex={-1} ref={mainRef}>
        {route.name === 'clients' || route.name === 'login' ? <ClientList location={location} /> : null}
        {route.name === 'client-new' ? <ClientCreate /> : null}
        {route.name === 'client' ? <ClientPage id={route.id} /> : null}
        {route.name === 'not-found' ? <NotFound /> : null}
      </main>
    </>
  );
}
