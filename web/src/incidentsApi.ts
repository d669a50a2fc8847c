// Incidents (docs/api.md, "Incidents and safety plans"): reported as drafts or submitted at once;
// the documentation clock runs from the time the incident occurred until the report is submitted.

import type { Items } from './api';
import { enc, postStep, request } from './api';

export type IncidentType =
  | 'fall'
  | 'medication_error'
  | 'behavioral'
  | 'self_harm'
  | 'violence'
  | 'abuse_or_neglect'
  | 'medical_emergency'
  | 'missing_person'
  | 'other';
export const INCIDENT_TYPES: readonly IncidentType[] = [
  'fall',
  'medication_error',
  'behavioral',
  'self_harm',
  'violence',
  'abuse_or_neglect',
  'medical_emergency',
  'missing_person',
  'other',
];

export type Severity = 'low' | 'moderate' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'moderate', 'high', 'critical'];

export interface Incident {
  id: string;
  version: number;
  client_id: string;
  case_id: string;
  occurred_at: string;
  reported_at: string;
  documented_at: string | null;
  late: boolean;
  type: IncidentType;
  severity: Severity;
  description: string;
  emergency_services_contacted: boolean;
  actions: string | null;
  status: 'draft' | 'submitted';
  reported_by: string;
}

export interface IncidentInput {
  occurred_at: string;
  type: IncidentType;
  severity: Severity;
  description: string;
  emergency_services_contacted?: boolean;
  actions?: string;
  submit?: boolean;
}

type Versioned = Pick<Incident, 'id' | 'version'>;

export function listIncidents(clientId: string): Promise<Items<Incident>> {
  return request<Items<Incident>>(`/clients/${enc(clientId)}/incidents`);
}

export function createIncident(caseId: string, input: IncidentInput): Promise<Incident> {
  return request<Incident>(`/cases/${enc(caseId)}/incidents`, { method: 'POST', body: input });
}

export function patchIncident(incident: Versioned, patch: Partial<IncidentInput>): Promise<Incident> {
  return request<Incident>(`/incidents/${enc(incident.id)}`, { method: 'PATCH', body: patch, ifMatch: incident.version });
}

export function submitIncident(incident: Versioned): Promise<Incident> {
  return postStep<Incident>(`/incidents/${enc(incident.id)}/submit`, incident);
}
