// Human labels for the case cycle's enum values (clocks, referrals, notes, services, incidents,
// discharge), and the "due in 3 hours" phrase. Values the UI does not know yet read as words.

import type { CaseOutcome, RiskLevel } from './api';
import type { AppointmentKind, AppointmentStatus } from './appointmentsApi';
import type { DischargeDestination } from './dischargeApi';
import type { IncidentType, Severity } from './incidentsApi';
import type { ContactType } from './notesApi';
import type { ContactMethod, ReferralFilter, ReferralPriority, ReferralSource, ReferralStatus } from './referralApi';
import type { ReferralOutStatus } from './referralsOutApi';
import type { ClockRule, Priority } from './worklistApi';

/** "post_discharge_check_in" → "Post discharge check in": for values without a label. */
export function humanize(value: string): string {
  const words = value.replace(/[_.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : value;
}

/** The label of `value` in `labels`, or the value in words. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return (labels as Record<string, string>)[value] ?? humanize(value);
}

export const RULE_LABELS: Record<ClockRule, string> = {
  first_contact: 'First contact',
  progress_note: 'Progress note',
  referral_follow_up: 'Referral follow-up',
  incident_documentation: 'Incident report',
  plan_review: 'Plan review',
  post_discharge_check_in: 'Post-discharge check-in',
  note_cosign: 'Note co-signature',
  safety_plan_review: 'Safety plan review',
  eligibility_check: 'Eligibility check',
  authorization_renewal: 'Authorization renewal',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  none: 'No risk noted',
  low: 'Low risk',
  moderate: 'Moderate risk',
  high: 'High risk',
};

export const REFERRAL_SOURCE_LABELS: Record<ReferralSource, string> = {
  hospital: 'Hospital',
  physician: 'Physician',
  self: 'Self-referral',
  family: 'Family',
  court: 'Court',
  school: 'School',
  payer: 'Payer',
  community: 'Community partner',
  other: 'Other',
};

export const REFERRAL_PRIORITY_LABELS: Record<ReferralPriority, string> = {
  routine: 'Routine',
  urgent: 'Urgent',
  emergent: 'Emergent',
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  assigned: 'Assigned',
  declined: 'Declined',
};

export const REFERRAL_FILTER_LABELS: Record<ReferralFilter, string> = {
  open: 'Open (new and triaged)',
  new: 'New',
  triaged: 'Triaged',
  assigned: 'Assigned',
  declined: 'Declined',
  all: 'All',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone',
  home_visit: 'Home visit',
  office: 'Office',
  video: 'Video',
  other: 'Other',
};

export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  home_visit: 'Home visit',
  office: 'Office',
  phone: 'Phone',
  video: 'Video',
  collateral: 'Collateral (someone on the client’s behalf)',
};

export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  home_visit: 'Home visit',
  office: 'Office',
  phone: 'Phone',
  video: 'Video',
  other: 'Other',
};

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  attended: 'Attended',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const REFERRAL_OUT_STATUS_LABELS: Record<ReferralOutStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  fall: 'Fall',
  medication_error: 'Medication error',
  behavioral: 'Behavioral',
  self_harm: 'Self-harm',
  violence: 'Violence',
  abuse_or_neglect: 'Abuse or neglect',
  medical_emergency: 'Medical emergency',
  missing_person: 'Missing person',
  other: 'Other',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  critical: 'Critical',
};

export const DESTINATION_LABELS: Record<DischargeDestination, string> = {
  home: 'Home',
  home_with_aide: 'Home with a home health aide',
  long_term_care: 'Long-term care',
  rehabilitation: 'Rehabilitation',
  other: 'Other',
};

export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  goals_met: 'Goals met',
  partially_met: 'Goals partially met',
  not_met: 'Goals not met',
  client_withdrew: 'Client withdrew',
  transferred: 'Transferred',
  deceased: 'Deceased',
  other: 'Other',
};

/** Kinds of chart events (GET /clients/{id}/timeline) and of the items that block closure. */
export const RECORD_KIND_LABELS: Record<string, string> = {
  referral: 'Referral',
  first_contact: 'First contact',
  note: 'Progress note',
  appointment: 'Appointment',
  referral_out: 'Referral out',
  incident: 'Incident',
  plan_review: 'Plan review',
  discharge: 'Discharge',
  check_in: 'Check-in',
  readmission: 'Readmission',
  case_status: 'Case status',
  task: 'Task',
  clock: 'Clock',
};

/** What still blocks closing a case (`error.open_items[].kind`). */
export const OPEN_ITEM_LABELS: Record<string, string> = {
  task: 'Open task',
  note: 'Unsigned note',
  note_cosign: 'Note awaiting co-signature',
  progress_note: 'Progress note owed',
  incident: 'Draft incident report',
  referral_out: 'Referral out still open',
  check_in: 'Check-in not done',
  clock: 'Overdue item',
};

/** "due in 3 hours", "2 days overdue", "due now": how far `iso` is from `now`. */
export function dueRelative(iso: string, now: Date = new Date()): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const diff = at - now.getTime();
  const minutes = Math.round(Math.abs(diff) / 60_000);
  let amount: string;
  if (minutes < 1) return 'due now';
  if (minutes < 60) amount = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  else if (minutes < 48 * 60) {
    const hours = Math.round(minutes / 60);
    amount = `${hours} hour${hours === 1 ? '' : 's'}`;
  } else {
    const days = Math.round(minutes / (24 * 60));
    amount = `${days} day${days === 1 ? '' : 's'}`;
  }
  return diff >= 0 ? `due in ${amount}` : `${amount} overdue`;
}
