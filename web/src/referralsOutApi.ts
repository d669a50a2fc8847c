// Referrals out to other providers, closed loop (docs/api.md, "Referrals out"):
// draft → sent → accepted|declined, accepted → completed; draft|sent|accepted → cancelled.
// Sending starts the follow-up clock; a follow-up or the provider's answer stops it.

import type { Items } from './api';
import { enc, postStep, request } from './api';

export type ReferralOutStatus = 'draft' | 'sent' | 'accepted' | 'declined' | 'completed' | 'cancelled';

export interface ReferralOut {
  id: string;
  version: number;
  client_id: string;
  case_id: string;
  provider_name: string;
  provider_contact: string | null;
  service: string;
  reason: string;
  status: ReferralOutStatus;
  created_at: string;
  sent_at: string | null;
  responded_at: string | null;
  decline_reason: string | null;
  completed_at: string | null;
  outcome: string | null;
  followed_up_at: string | null;
  follow_up_note: string | null;
  /** Sent by the server though docs/api.md does not list it. */
  cancel_reason?: string | null;
  created_by: string;
  /** What the service cost, in dollars (null when not recorded). */
  cost: number | null;
}

export interface ReferralOutInput {
  provider_name: string;
  provider_contact?: string;
  service: string;
  reason: string;
  /** Dollars, at least 0, at most two decimals. */
  cost?: number;
}

type Versioned = Pick<ReferralOut, 'id' | 'version'>;

export function listReferralsOut(clientId: string): Promise<Items<ReferralOut>> {
  return request<Items<ReferralOut>>(`/clients/${enc(clientId)}/referrals-out`);
}

export function createReferralOut(caseId: string, input: ReferralOutInput): Promise<ReferralOut> {
  return request<ReferralOut>(`/cases/${enc(caseId)}/referrals-out`, { method: 'POST', body: input });
}

function step(referral: Versioned, name: string, body?: unknown): Promise<ReferralOut> {
  return postStep<ReferralOut>(`/referrals-out/${enc(referral.id)}/${name}`, referral, body);
}

export const sendReferralOut = (referral: Versioned) => step(referral, 'send');

export function recordReferralOutResponse(referral: Versioned, accepted: boolean, reason?: string): Promise<ReferralOut> {
  return step(referral, 'response', reason ? { accepted, reason } : { accepted });
}

export const completeReferralOut = (referral: Versioned, outcome: string) => step(referral, 'complete', { outcome });
export const followUpReferralOut = (referral: Versioned, note: string) => step(referral, 'follow-up', { note });
export const cancelReferralOut = (referral: Versioned, reason: string) => step(referral, 'cancel', { reason });
