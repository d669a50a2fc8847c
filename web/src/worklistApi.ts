// The worklist and tasks (docs/api.md, "Clock rules", "Worklist", "Tasks"): what each user owes,
// made of the clocks of their open cases and the tasks they were given.

import type { Items, RiskLevel } from './api';
import { enc, postStep, query, request } from './api';

export type ClockRule =
  | 'first_contact'
  | 'progress_note'
  | 'referral_follow_up'
  | 'incident_documentation'
  | 'plan_review'
  | 'post_discharge_check_in'
  | 'note_cosign'
  | 'safety_plan_review'
  | 'eligibility_check'
  | 'authorization_renewal';

export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

/** One running clock: something is due by `due_at` (overdue once that time has passed). */
export interface ClockItem {
  rule: ClockRule;
  record_id: string;
  case_id: string | null;
  client_id: string;
  started_at: string;
  due_at: string;
  overdue: boolean;
  title: string;
}

export interface WorklistItem {
  kind: 'clock' | 'task';
  rule: ClockRule | null;
  task_id: string | null;
  /** The task's version (for If-Match); sent by the server though docs/api.md does not list it. */
  task_version?: number | null;
  record_id: string | null;
  title: string;
  due_at: string;
  overdue: boolean;
  priority: Priority;
  client_id: string | null;
  client_name: string | null;
  client_risk: RiskLevel | null;
  case_id: string | null;
  assignee_id: string;
  assignee_name: string;
}

export interface Worklist {
  as_of: string;
  items: WorklistItem[];
}

export interface TeamMember {
  user_id: string;
  name: string;
  open: number;
  overdue: number;
}

export interface TeamWorklist extends Worklist {
  people: TeamMember[];
}

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface Task {
  id: string;
  version: number;
  title: string;
  details: string | null;
  due_at: string;
  assignee_id: string;
  priority: Priority;
  status: TaskStatus;
  client_id: string | null;
  case_id: string | null;
  rule: ClockRule | null;
  source_id: string | null;
  created_by: string;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
  overdue: boolean;
}

export interface TaskInput {
  title: string;
  due_at: string;
  priority?: Priority;
  details?: string;
  assignee_id?: string;
  client_id?: string;
  case_id?: string;
}

export function getWorklist(): Promise<Worklist> {
  return request<Worklist>('/worklist');
}

/** The supervisor's team: themselves and every active user they supervise (403 for others). */
export function getTeamWorklist(): Promise<TeamWorklist> {
  return request<TeamWorklist>('/worklist/team');
}

export function listTasks(status: TaskStatus = 'open'): Promise<Items<Task>> {
  return request<Items<Task>>(`/tasks${query({ status })}`);
}

export function createTask(input: TaskInput): Promise<Task> {
  return request<Task>('/tasks', { method: 'POST', body: input });
}

/** Completes a task made by hand (a rule's task closes itself: 409). */
export function completeTask(task: Pick<Task, 'id' | 'version'>): Promise<Task> {
  return postStep<Task>(`/tasks/${enc(task.id)}/complete`, task);
}

export function cancelTask(task: Pick<Task, 'id' | 'version'>): Promise<Task> {
  return postStep<Task>(`/tasks/${enc(task.id)}/cancel`, task);
}
