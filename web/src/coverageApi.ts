// Coverage and benefits (docs/api.md, "Coverage and benefits"): who pays and when eligibility was
// last verified, the authorizations a payer gave (units approved and used), and advocacy items
// (benefit or aid applications, claims, appeals).

import type { Items } from './api';
import { enc, postStep, request } from './api';
import type { PayerKind } from './directoryApi';

export interface Coverage {
  id: string;
  version: number;
  client_id: string;
  payer_kind: PayerKind;
  payer_name: string;
  member_id: string | null;
  /** When eligibility was last verified (YYYY-MM-DD), or null. */
  verified_on: string | null;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface CoverageInput {
  payer_kind: PayerKind;
  payer_name: string;
  member_id?: string;
  verified_on?: string;
  active?: boolean;
}

export interface Authorization {
  id: string;
  version: number;
  client_id: string;
  coverage_id: string;
  service: string;
  units_approved: number;
  units_used: number;
  units_left: number;
  /** A tenth of the units approved or less are left (at least 1). */
  units_low: boolean;
  valid_from: string;
  valid_to: string;
  created_at: string;
  updated_at: string;
}

export interface AuthorizationInput {
  coverage_id: string;
  service: string;
  units_approved: number;
  units_used?: number;
  valid_from: string;
  valid_to: string;
}

export type AdvocacyKind = 'benefit_application' | 'aid_application' | 'insurance_claim' | 'appeal' | 'other';
export const ADVOCACY_KINDS: readonly AdvocacyKind[] = [
  'benefit_application',
  'aid_application',
  'insurance_claim',
  'appeal',
  'other',
];

export type AdvocacyStatus = 'planned' | 'submitted' | 'pending' | 'approved' | 'denied' | 'appealed' | 'withdrawn';
export const ADVOCACY_STATUSES: readonly AdvocacyStatus[] = [
  'planned',
  'submitted',
  'pending',
  'approved',
  'denied',
  'appealed',
  'withdrawn',
];

export interface AdvocacyItem {
  id: string;
  version: number;
  client_id: string;
  kind: AdvocacyKind;
  description: string;
  status: AdvocacyStatus;
  submitted_on: string | null;
  decided_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface AdvocacyInput {
  kind: AdvocacyKind;
  description: string;
  status?: AdvocacyStatus;
  submitted_on?: string;
  decided_on?: string;
}

export function listCoverages(clientId: string): Promise<Items<Coverage>> {
  return request<Items<Coverage>>(`/clients/${enc(clientId)}/coverages`);
}

export function createCoverage(clientId: string, input: CoverageInput): Promise<Coverage> {
  return request<Coverage>(`/clients/${enc(clientId)}/coverages`, { method: 'POST', body: input });
}

export function updateCoverage(coverage: Pick<Coverage, 'id' | 'version'>, patch: Partial<CoverageInput>): Promise<Coverage> {
  return request<Coverage>(`/coverages/${enc(coverage.id)}`, { method: 'PATCH', body: patch, ifMatch: coverage.version });
}

export function listAuthorizations(clientId: string): Promise<Items<Authorization>> {
  return request<Items<Authorization>>(`/clients/${enc(clientId)}/authorizations`);
}

export function createAuthorization(clientId: string, input: AuthorizationInput): Promise<Authorization> {
  return request<Authorization>(`/clients/${enc(clientId)}/authorizations`, { method: 'POST', body: input });
}

/** Records `units` more used (409 naming `units` past those approved). */
export function recordUnitsUsed(authorization: Pick<Authorization, 'id' | 'version'>, units: number): Promise<Authorization> {
  return postStep<Authorization>(`/authorizations/${enc(authorization.id)}/usage`, authorization, { units });
}

export function listAdvocacy(clientId: string): Promise<Items<AdvocacyItem>> {
  return request<Items<AdvocacyItem>>(`/clients/${enc(clientId)}/advocacy`);
}

export function createAdvocacy(clientId: string, input: AdvocacyInput): Promise<AdvocacyItem> {
  return request<AdvocacyItem>(`/clients/${enc(clientId)}/advocacy`, { method: 'POST', body: input });
}

export function updateAdvocacy(item: Pick<AdvocacyItem, 'id' | 'version'>, patch: Partial<AdvocacyInput>): Promise<AdvocacyItem> {
  return request<AdvocacyItem>(`/advocacy/${enc(item.id)}`, { method: 'PATCH', body: patch, ifMatch: item.version });
}

/** Today as YYYY-MM-DD, never later than the server's (UTC) date, which refuses dates in the future. */
export function todayForServer(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const utc = now.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}

/** Whole days from today (local) to a YYYY-MM-DD date; negative once it has passed. */
export function daysUntil(date: string, now: Date = new Date()): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const end = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((end - today) / 86_400_000);
}
