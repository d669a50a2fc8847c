// The referral inbox (docs/api.md, "Referral inbox"): referrals coming in, triage, assignment to a
// case manager (which opens a case), decline, and the first contact that stops the 72-hour clock.

import type { Items } from './api';
import { enc, postStep, query, request } from './api';
import type { ClockItem } from './worklistApi';

export type ReferralSource =
  | 'hospital'
  | 'physician'
  | 'self'
  | 'family'
  | 'court'
  | 'school'
  | 'payer'
  | 'community'
  | 'other';
export const REFERRAL_SOURCES: readonly ReferralSource[] = [
  'hospital',
  'physician',
  'self',
  'family',
  'court',
  'school',
  'payer',
  'community',
  'other',
];

export type ReferralPriority = 'routine' | 'urgent' | 'emergent';
export const REFERRAL_PRIORITIES: readonly ReferralPriority[] = ['routine', 'urgent', 'emergent'];

export type ReferralStatus = 'new' | 'triaged' | 'assigned' | 'declined';
/** The inbox filter: `open` is new and triaged. */
export type ReferralFilter = 'open' | ReferralStatus | 'all';
export const REFERRAL_FILTERS: readonly ReferralFilter[] = ['open', 'new', 'triaged', 'assigned', 'declined', 'all'];

export type ContactMethod = 'phone' | 'home_visit' | 'office' | 'video' | 'other';
export const CONTACT_METHODS: readonly ContactMethod[] = ['phone', 'home_visit', 'office', 'video', 'other'];

export interface Referral {
  id: string;
  version: number;
  client_id: string;
  client_name: string;
  program_id: string;
  source: ReferralSource;
  referrer_name: string;
  referrer_contact: string | null;
  reason: string;
  priority: ReferralPriority;
  received_at: string;
  status: ReferralStatus;
  triage_note: string | null;
  case_id: string | null;
  case_manager_id: string | null;
  assigned_at: string | null;
  first_contact_at: string | null;
  first_contact_method: ContactMethod | null;
  decline_reason: string | null;
  created_by: string;
  created_at: string;
  /** The first-contact clock while it runs. */
  clock: ClockItem | null;
}

export interface ReferralInput {
  client_id: string;
  program_id: string;
  source: ReferralSource;
  referrer_name: string;
  referrer_contact?: string;
  reason: string;
  priority?: ReferralPriority;
  received_at?: string;
}

type Versioned = Pick<Referral, 'id' | 'version'>;

export function listReferrals(status: ReferralFilter = 'open'): Promise<Items<Referral>> {
  return request<Items<Referral>>(`/referrals${query({ status })}`);
}

export function getReferral(id: string): Promise<Referral> {
  return request<Referral>(`/referrals/${enc(id)}`);
}

export function createReferral(input: ReferralInput): Promise<Referral> {
  return request<Referral>('/referrals', { method: 'POST', body: input });
}

function act(referral: Versioned, step: string, body: unknown): Promise<Referral> {
  return postStep<Referral>(`/referrals/${enc(referral.id)}/${step}`, referral, body);
}

export function triageReferral(referral: Versioned, priority: ReferralPriority, triageNote: string): Promise<Referral> {
  return act(referral, 'triage', { priority, triage_note: triageNote });
}

/** Gives the referral to a case manager, which opens a case at "referred" for them. */
export function assignReferral(referral: Versioned, caseManagerId: string): Promise<Referral> {
  return act(referral, 'assignment', { case_manager_id: caseManagerId });
}

export function declineReferral(referral: Versioned, reason: string): Promise<Referral> {
  return act(referral, 'decline', { reason });
}

export function recordFirstContact(referral: Versioned, method: ContactMethod, contactedAt?: string): Promise<Referral> {
  return act(referral, 'first-contact', contactedAt ? { method, contacted_at: contactedAt } : { method });
}
