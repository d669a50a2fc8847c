// The app shell: who is signed in, which screen the hash route names, the 401 → sign-in rule,
// automatic log-off after a while without activity, and which screens each role is offered.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from './api';
import { getMe, hasSession, logout, millisSinceLastRequest, onUnauthenticated } from './api';
import { canReadAudit, canReadClients, hasClinicalAccess, homeHash, routeSuitsRole } from './access';
import type { HeaderCurrent } from './components/Header';
import { Header } from './components/Header';
import { NoAuditAccess } from './components/NoAuditAccess';
import { NoClinicalAccess } from './components/NoClinicalAccess';
import { durationPhrase } from './format';
import { AssessmentPage } from './pages/AssessmentPage';
import { AuditPage } from './pages/AuditPage';
import { ClientCreate } from './pages/ClientCreate';
import { ClientList } from './pages/ClientList';
import { ClientPage } from './pages/ClientPage';
import { DirectoryPage } from './pages/DirectoryPage';
import { NotFound } from './pages/NotFound';
import { OutcomesPage } from './pages/OutcomesPage';
import { ReferralInboxPage } from './pages/ReferralInboxPage';
import { ReferralPage } from './pages/ReferralPage';
import { ReportCasesPage } from './pages/ReportCasesPage';
import { TeamDashboardPage } from './pages/TeamDashboardPage';
import { TeamWorklistPage } from './pages/TeamWorklistPage';
import { WorklistPage } from './pages/WorklistPage';
import { SecurityPage } from './pages/SecurityPage';
import { SignIn } from './pages/SignIn';
import type { Route } from './router';
import { locationOf, matchRoute, navigate, useLocation } from './router';
import { readIdleTimeoutMs, useIdleTimer } from './useIdleTimer';

/** The header's navigation entry for each screen. */
const NAV_ENTRY: Partial<Record<Route['name'], HeaderCurrent>> = {
  worklist: 'worklist',
  team: 'team',
  'team-dashboard': 'team-dashboard',
  referrals: 'referrals',
  referral: 'referrals',
  clients: 'clients',
  'client-new': 'client-new',
  'assessment-new': 'clients',
  'assessment-correct': 'clients',
  directory: 'directory',
  outcomes: 'outcomes',
  'report-cases': 'outcomes',
  audit: 'audit',
  security: 'security',
};

const SESSION_ENDED = 'Your session ended; please sign in again';
const LOGIN_HASH = '#/login';
/**
 * While the user is active, make sure the server hears from us at least this often: its session
 * ends after 15 minutes without a call, even if the user spent them typing into a form.
 */
const KEEP_ALIVE_MS = 60 * 1000;

/** Where to go after signing in; `userId` is set when only that user should be taken there. */
interface ReturnTo {
  hash: string;
  userId: string | null;
}

export function App() {
  const location = useLocation();
  const route = matchRoute(location.path);
  const [user, setUser] = useState<User | null>(null);
  // True while a token from an earlier page load is being checked with GET /me.
  const [restoring, setRestoring] = useState(() => hasSession());
  const [notice, setNotice] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [idleTimeoutMs, setIdleTimeoutMs] = useState(readIdleTimeoutMs);
  // The screen the user asked for, or was on when the session ended.
  const returnTo = useRef<ReturnTo | null>(null);
  const userRef = useRef<User | null>(null);
  userRef.current = user;
  const keepingAlive = useRef(false);
  const mainRef = useRef<HTMLElement>(null);

  function startSession(signedIn: User) {
    setIdleTimeoutMs(readIdleTimeoutMs());
    setNotice(null);
    setUser(signedIn);
  }

  useEffect(() => {
    onUnauthenticated(() => {
      const here = window.location.hash;
      if (here && here !== LOGIN_HASH) returnTo.current = { hash: here, userId: userRef.current?.id ?? null };
      setUser(null);
      setRestoring(false);
      // A late 401 after an automatic log-off must not replace that explanation.
      setNotice((current) => current ?? SESSION_ENDED);
    });
    if (hasSession()) {
      getMe()
        .then((me) => startSession(me))
        .catch(() => {
          // A 401 already went through the handler above; anything else leaves us signed out.
        })
        .finally(() => setRestoring(false));
    }
  }, []);

  // Signed out: every screen is the sign-in screen. Signed in: the sign-in and home routes move on.
  useEffect(() => {
    if (restoring) return;
    if (!user && route.name !== 'login') {
      const here = window.location.hash;
      if (!returnTo.current && here && here !== LOGIN_HASH && route.name !== 'home') {
        returnTo.current = { hash: here, userId: null };
      }
      navigate(LOGIN_HASH, { replace: true });
    } else if (user && route.name === 'login') {
      const saved = returnTo.current;
      returnTo.current = null;
      const usable =
        saved !== null &&
        (saved.userId === null || saved.userId === user.id) &&
        routeSuitsRole(matchRoute(locationOf(saved.hash).path), user.role);
      navigate(usable ? saved.hash : homeHash(user.role), { replace: true });
    } else if (user && route.name === 'home') {
      navigate(homeHash(user.role), { replace: true });
    }
  }, [user, route.name, restoring]);

  // Move focus to the main region on every screen change so screen readers start there.
  useEffect(() => {
    if (user && route.name !== 'login') mainRef.current?.focus({ preventScroll: true });
  }, [location.path]);

  useIdleTimer({
    enabled: user !== null,
    timeoutMs: idleTimeoutMs,
    onIdle: signOutIdle,
    onActivity: keepAlive,
  });

  function keepAlive() {
    if (keepingAlive.current || millisSinceLastRequest() < KEEP_ALIVE_MS) return;
    keepingAlive.current = true;
    getMe()
      .catch(() => {
        // A 401 goes through the handler; anything else is retried on the next activity.
      })
      .finally(() => {
        keepingAlive.current = false;
      });
  }

  function signOutIdle() {
    const here = window.location.hash;
    if (user && here && here !== LOGIN_HASH) returnTo.current = { hash: here, userId: user.id };
    // Best effort: the server ends the session too, and the token is dropped locally whatever it answers.
    logout().catch(() => {});
    setUser(null);
    setNotice(`You were signed out after ${durationPhrase(idleTimeoutMs)} without activity.`);
  }

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
        <SignIn notice={notice} onSignedIn={startSession} />
      </main>
    );
  }

  const clinical = hasClinicalAccess(user.role);
  const readsClients = canReadClients(user.role);
  const current = NAV_ENTRY[route.name] ?? 'other';
  const cycleScreen =
    route.name === 'worklist' || route.name === 'team' || route.name === 'referrals' || route.name === 'referral';
  const assessmentScreen = route.name === 'assessment-new' || route.name === 'assessment-correct';
  const clientScreen =
    route.name === 'clients' || route.name === 'client-new' || route.name === 'client' || assessmentScreen;
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <Header user={user} current={current} onSignOut={signOut} signingOut={signingOut} />
      <main id="main" class="app-main" tabIndex={-1} ref={mainRef}>
        {/* Screens a role has no access to explain why instead of calling the API only to be refused. */}
        {(clientScreen && !(route.name === 'client-new' || assessmentScreen ? clinical : readsClients)) ||
        (cycleScreen && !clinical) ? (
          <NoClinicalAccess role={user.role} />
        ) : null}
        {route.name === 'worklist' && clinical ? <WorklistPage user={user} /> : null}
        {route.name === 'team' && clinical ? <TeamWorklistPage user={user} location={location} /> : null}
        {route.name === 'team-dashboard' ? <TeamDashboardPage user={user} /> : null}
        {route.name === 'outcomes' ? <OutcomesPage user={user} location={location} /> : null}
        {route.name === 'report-cases' ? <ReportCasesPage user={user} location={location} /> : null}
        {route.name === 'referrals' && clinical ? <ReferralInboxPage location={location} user={user} /> : null}
        {route.name === 'referral' && clinical ? <ReferralPage id={route.id} user={user} /> : null}
        {route.name === 'clients' && readsClients ? <ClientList location={location} canCreate={clinical} /> : null}
        {route.name === 'client-new' && clinical ? <ClientCreate /> : null}
        {route.name === 'client' && readsClients ? (
          <ClientPage id={route.id} user={user} openSafetyPlan={location.query.get('safety-plan') === 'edit'} />
        ) : null}
        {route.name === 'assessment-new' && clinical ? (
          <AssessmentPage
            key={`${location.path}?${location.query.toString()}`}
            clientId={route.clientId}
            mode={{ kind: 'new', instrumentId: location.query.get('instrument'), caseId: location.query.get('case') }}
          />
        ) : null}
        {route.name === 'assessment-correct' && clinical ? (
          <AssessmentPage
            key={location.path}
            clientId={route.clientId}
            mode={{ kind: 'correct', assessmentId: route.assessmentId }}
          />
        ) : null}
        {route.name === 'directory' ? <DirectoryPage location={location} user={user} /> : null}
        {route.name === 'audit' ? (
          canReadAudit(user.role) ? <AuditPage location={location} /> : <NoAuditAccess role={user.role} />
        ) : null}
        {route.name === 'security' ? <SecurityPage /> : null}
        {route.name === 'not-found' ? <NotFound home={homeHash(user.role)} /> : null}
      </main>
    </>
  );
}
