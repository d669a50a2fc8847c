// A tiny hash router: the server serves one index.html at `/`, and every screen lives after `#`
// (`#/worklist`, `#/worklist/team`, `#/referrals`, `#/referrals/:id`, `#/clients`, `#/clients/new`,
// `#/clients/:id`, `#/clients/:id/assessments/new?instrument=…&case=…`,
// `#/clients/:id/assessments/:assessmentId/correct`, `#/directory?need=…&client=…`, `#/audit`, `#/security`,
// `#/team-dashboard`, `#/outcomes?period=…&program=…&team=…`, `#/reports/cases?metric=…&period=…`,
// `#/login`), so no server-side routes
// are needed. The empty path is `home`: the app sends each role to its own first screen.

import { useEffect, useState } from 'preact/hooks';

export interface Location {
  /** The path after `#`, always starting with `/` (e.g. `/clients/cl_1`). */
  path: string;
  /** Query parameters after `?` inside the hash (e.g. `#/clients?q=lopez`). */
  query: URLSearchParams;
}

export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'worklist' }
  | { name: 'team' }
  | { name: 'referrals' }
  | { name: 'referral'; id: string }
  | { name: 'clients' }
  | { name: 'client-new' }
  | { name: 'client'; id: string }
  | { name: 'assessment-new'; clientId: string }
  | { name: 'assessment-correct'; clientId: string; assessmentId: string }
  | { name: 'directory' }
  | { name: 'audit' }
  | { name: 'security' }
  | { name: 'team-dashboard' }
  | { name: 'outcomes' }
  | { name: 'report-cases' }
  | { name: 'not-found' };

export function currentLocation(): Location {
  return locationOf(window.location.hash);
}

/** The location a hash (`#/clients?q=lopez`) names. */
export function locationOf(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return { path, query: new URLSearchParams(queryPart) };
}

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login' };
  if (parts[0] === 'audit' && parts.length === 1) return { name: 'audit' };
  if (parts[0] === 'security' && parts.length === 1) return { name: 'security' };
  if (parts[0] === 'directory' && parts.length === 1) return { name: 'directory' };
  if (parts[0] === 'team-dashboard' && parts.length === 1) return { name: 'team-dashboard' };
  if (parts[0] === 'outcomes' && parts.length === 1) return { name: 'outcomes' };
  if (parts[0] === 'reports' && parts.length === 2 && parts[1] === 'cases') return { name: 'report-cases' };
  if (parts[0] === 'worklist') {
    if (parts.length === 1) return { name: 'worklist' };
    if (parts.length === 2 && parts[1] === 'team') return { name: 'team' };
  }
  if (parts[0] === 'referrals') {
    if (parts.length === 1) return { name: 'referrals' };
    if (parts.length === 2) return { name: 'referral', id: decodeURIComponent(parts[1]) };
  }
  if (parts[0] === 'clients') {
    if (parts.length === 1) return { name: 'clients' };
    if (parts.length === 2 && parts[1] === 'new') return { name: 'client-new' };
    if (parts.length === 2) return { name: 'client', id: decodeURIComponent(parts[1]) };
    if (parts.length === 4 && parts[2] === 'assessments' && parts[3] === 'new') {
      return { name: 'assessment-new', clientId: decodeURIComponent(parts[1]) };
    }
    if (parts.length === 5 && parts[2] === 'assessments' && parts[4] === 'correct') {
      return {
        name: 'assessment-correct',
        clientId: decodeURIComponent(parts[1]),
        assessmentId: decodeURIComponent(parts[3]),
      };
    }
  }
  return { name: 'not-found' };
}

/** Builds an href for a path (and optional query) inside the app. */
export function href(path: string, query?: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function clientHref(id: string): string {
  return href(`/clients/${encodeURIComponent(id)}`);
}

export function correctAssessmentHref(clientId: string, assessmentId: string): string {
  return href(`/clients/${encodeURIComponent(clientId)}/assessments/${encodeURIComponent(assessmentId)}/correct`);
}

/** The team worklist, showing one person's items when `person` is given. */
export function teamWorklistHref(person?: string | null): string {
  return href('/worklist/team', { person });
}

/** Where a drill-down was opened from, for its way back. */
export type ReportOrigin = 'team' | 'outcomes';

export interface ReportCasesLink {
  metric: string;
  period: string;
  program?: string | null;
  team?: string | null;
  case_manager?: string | null;
  missed?: boolean;
  from?: ReportOrigin;
}

/** The drill-down of a figure: the cases behind it, for the same period and scope. */
export function reportCasesHref(link: ReportCasesLink): string {
  return href('/reports/cases', {
    metric: link.metric,
    period: link.period,
    program: link.program,
    team: link.team,
    case_manager: link.case_manager,
    missed: link.missed ? 'true' : null,
    from: link.from,
  });
}

export function referralHref(id: string): string {
  return href(`/referrals/${encodeURIComponent(id)}`);
}

/**
 * Goes to another screen. `replace` rewrites the current history entry instead of adding one
 * (used for search-as-you-type so Back does not replay every keystroke).
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = to.startsWith('#') ? to : `#${to}`;
  if (window.location.hash === target) return;
  if (options.replace) {
    history.replaceState(history.state, '', target);
    // replaceState fires no hashchange; tell listeners ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

export function useLocation(): Location {
  const [location, setLocation] = useState<Location>(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return location;
}
