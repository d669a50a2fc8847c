// Human labels for the API's enum values, and date/name formatting shared by the screens.

import type {
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

export function setTitle(page: string): void {
  document.title = `${page} — Caseboard`;
}
