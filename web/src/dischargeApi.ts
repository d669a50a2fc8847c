// Discharge and after (docs/api.md, "Discharge, check-in, readmission, closure"), and plan
// reviews, whose clock discharge and readmission restart.

import type { Case, Items } from './api';
import { enc, postStep, request } from './api';

export type DischargeDestination = 'home' | 'home_with_aide' | 'long_term_care' | 'rehabilitation' | 'other';
export const DISCHARGE_DESTINATIONS: readonly DischargeDestination[] = [
  'home',
  'home_with_aide',
  'long_term_care',
  'rehabilitation',
  'other',
];

export interface CheckIn {
  at: string;
  by: string;
  health_status_changed: boolean;
  satisfaction: number;
  notes: string | null;
}

export interface Readmission {
  id: string;
  admitted_at: string;
  facility: string;
  reason: string;
  days_after_discharge: number;
  within_30_days: boolean;
}

export interface Discharge {
  id: string;
  version: number;
  client_id: string;
  case_id: string;
  discharged_at: string;
  destination: DischargeDestination;
  destination_details: string | null;
  services_arranged: string;
  family_education_done: boolean;
  notes: string | null;
  check_in: CheckIn | null;
  readmissions: Readmission[];
}

export interface DischargeInput {
  destination: DischargeDestination;
  services_arranged: string;
  family_education_done: boolean;
  destination_details?: string;
  notes?: string;
  discharged_at?: string;
}

export interface CheckInInput {
  health_status_changed: boolean;
  satisfaction: number;
  notes?: string;
}

export interface ReadmissionInput {
  admitted_at: string;
  facility: string;
  reason: string;
}

export interface PlanReview {
  id: string;
  case_id: string;
  client_id: string;
  reviewed_at: string;
  reviewed_by: string;
  summary: string;
}

export function listDischarges(clientId: string): Promise<Items<Discharge>> {
  return request<Items<Discharge>>(`/clients/${enc(clientId)}/discharges`);
}

/** Discharges the case (If-Match: the case's version); it moves to "discharged". */
export function dischargeCase(caseRecord: Pick<Case, 'id' | 'version'>, input: DischargeInput): Promise<Discharge> {
  return postStep<Discharge>(`/cases/${enc(caseRecord.id)}/discharge`, caseRecord, input);
}

export function recordCheckIn(discharge: Pick<Discharge, 'id' | 'version'>, input: CheckInInput): Promise<Discharge> {
  return postStep<Discharge>(`/discharges/${enc(discharge.id)}/check-in`, discharge, input);
}

export function recordReadmission(discharge: Pick<Discharge, 'id'>, input: ReadmissionInput): Promise<Discharge> {
  return request<Discharge>(`/discharges/${enc(discharge.id)}/readmissions`, { method: 'POST', body: input });
}

export function listPlanReviews(clientId: string): Promise<Items<PlanReview>> {
  return request<Items<PlanReview>>(`/clients/${enc(clientId)}/plan-reviews`);
}

export function createPlanReview(caseId: string, summary: string): Promise<PlanReview> {
  return request<PlanReview>(`/cases/${enc(caseId)}/plan-reviews`, { method: 'POST', body: { summary } });
}
