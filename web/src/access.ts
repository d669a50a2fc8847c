// What each role may see in the UI, mirroring the server's rules (docs/api.md, "Roles and access")
// so the UI does not offer screens whose calls would only be refused. The server stays the
// authority: it also decides, client by client, which records a user may open.

import type { Role } from './api';
import type { Route } from './router';

const CLINICAL_ROLES: ReadonlySet<Role> = new Set<Role>(['case_manager', 'nurse_case_manager', 'supervisor']);

/** Case managers, nurse case managers and supervisors work with client records. */
export function hasClinicalAccess(role: Role): boolean {
  return CLINICAL_ROLES.has(role);
}

/**
 * Who reaches the client screens: clinical roles, and directors, who search summaries and open a
 * record only through break-the-glass (the server refuses them otherwise, and the refusal screen
 * offers the form). Only clinical roles create or change clients.
 */
export function canReadClients(role: Role): boolean {
  return hasClinicalAccess(role) || role === 'director';
}

/** Only auditors read the audit trail. */
export function canReadAudit(role: Role): boolean {
  return role === 'auditor';
}

const BREAK_GLASS_ROLES: ReadonlySet<Role> = new Set<Role>([
  'case_manager',
  'nurse_case_manager',
  'supervisor',
  'director',
]);

/** Roles that may open a client outside their scope in an emergency (break the glass). */
export function canBreakGlass(role: Role): boolean {
  return BREAK_GLASS_ROLES.has(role);
}

/**
 * The resource directory: clinical roles search it (for their clients), administrators keep its
 * listings. Every role may read it (the server allows it); these are the roles it is offered to.
 */
export function usesDirectory(role: Role): boolean {
  return hasClinicalAccess(role) || role === 'administrator';
}

/** Only supervisors see their team's worklist. */
export function canSeeTeam(role: Role): boolean {
  return role === 'supervisor';
}

/** The supervisor's team dashboard: caseload balance, overdue items by person, the weekly huddle. */
export function canSeeTeamDashboard(role: Role): boolean {
  return role === 'supervisor';
}

const OUTCOME_ROLES: ReadonlySet<Role> = new Set<Role>(['director', 'auditor', 'supervisor']);

/**
 * The monthly outcome page and the drill-downs behind its figures: directors and auditors over the
 * organization, supervisors over their team. The server would answer case managers their own
 * cases' figures too, but the outcome page is the managers' view; a case manager's figures are
 * their worklist. Administrators get no reports at all (the server refuses them).
 */
export function canSeeOutcomes(role: Role): boolean {
  return OUTCOME_ROLES.has(role);
}

/** Directors and auditors choose any team or program; a supervisor's reports are their team's. */
export function readsWholeOrganization(role: Role): boolean {
  return role === 'director' || role === 'auditor';
}

/** Supervisors triage, assign and decline referrals; everyone clinical logs them. */
export function canTriageReferrals(role: Role): boolean {
  return role === 'supervisor';
}

/** Where a user lands after signing in: clinical staff on what they owe today, directors on outcomes. */
export function homeHash(role: Role): string {
  if (hasClinicalAccess(role)) return '#/worklist';
  if (role === 'director') return '#/outcomes';
  return canReadAudit(role) ? '#/audit' : '#/clients';
}

/** Whether a screen is one this role works with (used to pick where to go after sign-in). */
export function routeSuitsRole(route: Route, role: Role): boolean {
  switch (route.name) {
    case 'clients':
    case 'client':
      return canReadClients(role);
    case 'client-new':
    case 'assessment-new':
    case 'assessment-correct':
    case 'worklist':
    case 'referrals':
    case 'referral':
      return hasClinicalAccess(role);
    case 'team':
      return canSeeTeam(role);
    case 'team-dashboard':
      return canSeeTeamDashboard(role);
    case 'outcomes':
    case 'report-cases':
      return canSeeOutcomes(role);
    case 'audit':
      return canReadAudit(role);
    case 'directory':
      return usesDirectory(role);
    case 'security':
      return true;
    default:
      return false;
  }
}
