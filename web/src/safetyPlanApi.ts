// A client's safety plan (docs/api.md, "Incidents and safety plans"): warning signs, coping steps,
// people to call and means safety, replaced as a whole (PUT, If-Match once one exists).

import { enc, request } from './api';

export interface SafetyPlan {
  client_id: string;
  version: number;
  warning_signs: string[];
  coping_steps: string[];
  contacts: string[];
  means_safety: string | null;
  updated_by: string;
  updated_at: string;
}

export interface SafetyPlanInput {
  warning_signs: string[];
  coping_steps: string[];
  contacts: string[];
  means_safety: string;
}

export function getSafetyPlan(clientId: string): Promise<{ safety_plan: SafetyPlan | null }> {
  return request<{ safety_plan: SafetyPlan | null }>(`/clients/${enc(clientId)}/safety-plan`);
}

/** Writes the plan; `version` is the stored plan's (undefined for the first one). */
export function putSafetyPlan(clientId: string, input: SafetyPlanInput, version?: number): Promise<SafetyPlan> {
  return request<SafetyPlan>(`/clients/${enc(clientId)}/safety-plan`, { method: 'PUT', body: input, ifMatch: version });
}
