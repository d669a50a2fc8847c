// Care plans (docs/api.md, "Care plans"): one plan per case — needs, measurable goals and the
// interventions that serve them — saved whole as a new version each time (PUT, If-Match once one
// exists), the versions with what changed, and the client's or family's agreement.

import type { Items } from './api';
import { enc, postStep, request } from './api';

export type NeedStatus = 'proposed' | 'active' | 'met' | 'dismissed';
export const NEED_STATUSES: readonly NeedStatus[] = ['proposed', 'active', 'met', 'dismissed'];

export type GoalStatus = 'not_started' | 'in_progress' | 'achieved' | 'not_achieved' | 'discontinued';
export const GOAL_STATUSES: readonly GoalStatus[] = ['not_started', 'in_progress', 'achieved', 'not_achieved', 'discontinued'];

export type ResponsibleKind = 'staff' | 'client' | 'family' | 'partner';
export const RESPONSIBLE_KINDS: readonly ResponsibleKind[] = ['staff', 'client', 'family', 'partner'];

export type InterventionKind = 'rehabilitative' | 'therapeutic' | 'preventive' | 'education' | 'coordination';
export const INTERVENTION_KINDS: readonly InterventionKind[] = [
  'rehabilitative',
  'therapeutic',
  'preventive',
  'education',
  'coordination',
];

export type AgreementKind = 'client' | 'family' | 'guardian';
export const AGREEMENT_KINDS: readonly AgreementKind[] = ['client', 'family', 'guardian'];

export interface Need {
  id: string;
  category: string;
  description: string;
  status: NeedStatus;
  /** Where it came from, e.g. "assessment as_…" for a need a screen proposed. */
  source: string | null;
}

export interface Goal {
  id: string;
  need_id: string;
  description: string;
  measure: string;
  baseline: string | null;
  target: string;
  due_date: string;
  responsible_kind: ResponsibleKind;
  responsible_name: string | null;
  status: GoalStatus;
  percent_achieved: number;
}

export interface Intervention {
  id: string;
  goal_id: string;
  kind: InterventionKind;
  description: string;
  task_id: string | null;
  appointment_id: string | null;
  referral_out_id: string | null;
}

export interface PlanAgreement {
  /** The plan version agreed to. */
  version: number;
  kind: AgreementKind;
  name: string;
  at: string;
  recorded_by: string;
}

export interface CarePlan {
  case_id: string;
  client_id: string;
  version: number;
  needs: Need[];
  goals: Goal[];
  interventions: Intervention[];
  updated_at: string;
  updated_by: string;
  agreement: PlanAgreement | null;
  /** Whether the agreement is to the current version (false once the plan changed after it). */
  agreed_current: boolean;
}

export interface CarePlanContent {
  needs: Need[];
  goals: Goal[];
  interventions: Intervention[];
}

/** One difference from the version before: a field changed, or an item added (before null) or removed (after null). */
export interface PlanChange {
  path: string;
  before: string | null;
  after: string | null;
}

export interface CarePlanVersion {
  version: number;
  changed_at: string;
  changed_by: string;
  note: string | null;
  changes: PlanChange[];
}

export function getCarePlan(caseId: string): Promise<{ care_plan: CarePlan | null }> {
  return request<{ care_plan: CarePlan | null }>(`/cases/${enc(caseId)}/care-plan`);
}

/** Saves a new version; `version` is the current plan's (undefined for the first one). */
export function putCarePlan(caseId: string, content: CarePlanContent, note: string, version?: number): Promise<CarePlan> {
  const body: CarePlanContent & { note?: string } = { ...content };
  if (note) body.note = note;
  return request<CarePlan>(`/cases/${enc(caseId)}/care-plan`, { method: 'PUT', body, ifMatch: version });
}

/** Newest first, each with its changes from the one before. */
export function listCarePlanVersions(caseId: string): Promise<Items<CarePlanVersion>> {
  return request<Items<CarePlanVersion>>(`/cases/${enc(caseId)}/care-plan/versions`);
}

export function recordPlanAgreement(plan: Pick<CarePlan, 'case_id' | 'version'>, kind: AgreementKind, name: string): Promise<CarePlan> {
  return postStep<CarePlan>(`/cases/${enc(plan.case_id)}/care-plan/agreement`, plan, { kind, name });
}

/** The plan's content as it is sent back on a save. */
export function contentOf(plan: CarePlan | null): CarePlanContent {
  return {
    needs: plan?.needs.map((need) => ({ ...need })) ?? [],
    goals: plan?.goals.map((goal) => ({ ...goal })) ?? [],
    interventions: plan?.interventions.map((intervention) => ({ ...intervention })) ?? [],
  };
}

/** Proposed and active needs are open (the directory matches services to them). */
export function isOpenNeed(need: Pick<Need, 'status'>): boolean {
  return need.status === 'proposed' || need.status === 'active';
}
