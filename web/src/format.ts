// Human labels for the API's enum values, and date/name formatting shared by the screens.

import type {
  AuditEvent,
  AuditOutcome,
  CaseStatus,
  ClientSummary,
  Disclosure,
  IdentifierType,
  Relationship,
  Role,
  Sex,
} from './api';

export const ROLE_LABELS: Record<Role, string> = {
  case_manager: 'Case manager',
  nurse_case_manager: 'Nurse case manager',
  supervisor: 'Supervisor',
  director: 'Director',
  administrator: 'Administrator',
  auditor: 'Auditor',
};

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

export const IDENTIFIER_LABELS: Record<IdentifierType, string> = {
  MRN: 'MRN (medical record number)',
  MEDICAID: 'Medicaid ID',
  MEDICARE: 'Medicare ID',
  MEMBER: 'Member ID',
  OTHER: 'Other',
};

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  spouse: 'Spouse',
  partner: 'Partner',
  parent: 'Parent',
  child: 'Child',
  sibling: 'Sibling',
  other_family: 'Other family',
  friend: 'Friend',
  caregiver: 'Caregiver',
  guardian: 'Guardian',
  neighbor: 'Neighbor',
  other: 'Other',
};

export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  none: 'Nothing',
  logistics: 'Logistics (appointments, practical arrangements)',
  general: 'General condition and care plan',
  full: 'Full',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  referred: 'Referred',
  intake: 'Intake',
  active: 'Active',
  on_hold: 'On hold',
  discharged: 'Discharged',
  closed: 'Closed',
};

/** "Delgado, Rosa" (with the preferred name in quotes when there is one). */
export function clientName(client: Pick<ClientSummary, 'given_name' | 'family_name' | 'preferred_name'>): string {
  const preferred = client.preferred_name ? ` “${client.preferred_name}”` : '';
  return `${client.family_name}, ${client.given_name}${preferred}`;
}

/** Age in whole years on `today` for a YYYY-MM-DD birth date, or null when it cannot be read. */
export function ageOn(birthDate: string, today: Date = new Date()): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - year;
  const beforeBirthday =
    today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  if (beforeBirthday) age -= 1;
  return age >= 0 ? age : null;
}

export function birthDateWithAge(birthDate: string): string {
  const age = ageOn(birthDate);
  return age === null ? birthDate : `${birthDate} (age ${age})`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An API timestamp (UTC ISO-8601) in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const dateTimeSecondsFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Like formatDateTime, with seconds (audit entries). */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeSecondsFormat.format(date);
}

/**
 * A `datetime-local` input's value (local time, "YYYY-MM-DDTHH:MM" or with seconds) as the API's
 * UTC time "YYYY-MM-DDTHH:MM:SSZ"; null when it is not a time.
 */
export function localInputToUtc(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  // A date-time without an offset is read as local time.
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The API's UTC time as a `datetime-local` input's value in the browser's time zone ("" if unreadable). */
export function utcToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(
    date.getMinutes(),
  )}`;
  return date.getSeconds() ? `${base}:${pad(date.getSeconds())}` : base;
}

/** Now (plus `offsetMinutes`) as a `datetime-local` value, to its second: the default "time of service". */
export function nowLocalInput(offsetMinutes = 0): string {
  return utcToLocalInput(new Date(Date.now() + offsetMinutes * 60_000).toISOString());
}

/** "15 minutes", "3 seconds", "1 minute and 30 seconds", "2 hours". */
export function durationPhrase(ms: number): string {
  const totalSeconds = Math.max(1, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  const parts = [
    hours ? unit(hours, 'hour') : null,
    minutes ? unit(minutes, 'minute') : null,
    seconds ? unit(seconds, 'second') : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The audit trail's actions (docs/api.md, "Audit trail"), in words. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'client.create': 'Registered client',
  'client.read': 'Read record',
  'client.update': 'Changed record',
  'client.search': 'Searched',
  'client.summary': 'Shown as possible duplicate',
  'contact.create': 'Added contact',
  'contact.update': 'Changed contact',
  'contact.delete': 'Removed contact',
  'contact.list': 'Read contacts',
  'case.create': 'Opened case',
  'case.read': 'Read case',
  'case.list': 'Read cases',
  'case.transition': 'Changed case status',
  'case.reassign': 'Reassigned case',
  'program.create': 'Created program',
  'program.update': 'Changed program',
  'user.create': 'Created user',
  'user.update': 'Changed user',
  'user.role_change': 'Changed user role',
  'session.sign_in': 'Signed in',
  'session.sign_out': 'Signed out',
  'access.refused': 'Refused access',
  'organization.create': 'Created organization',
  'report.read': 'Read report figures',
  'report.cases': 'Read the cases behind a figure',
  'report.export': 'Exported a report',
};

/** An entry's action in words; a refused sign-in reads "Sign-in refused". Unknown actions stay raw. */
export function auditActionLabel(event: Pick<AuditEvent, 'action' | 'outcome'>): string {
  if (event.action === 'session.sign_in' && event.outcome === 'refused') return 'Sign-in refused';
  return AUDIT_ACTION_LABELS[event.action] ?? event.action;
}

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Allowed',
  refused: 'Refused',
};

/** The language tag with its English name when the browser knows it ("es — Spanish"). */
export function languageName(tag: string): string {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    const name = names.of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

const dollarFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });

/** An amount in dollars: "$45.50". */
export function formatDollars(amount: number): string {
  return dollarFormat.format(amount);
}

export function setTitle(page: string): void {
  document.title = `${page} — Caseboard`;
}
