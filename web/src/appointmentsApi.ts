// Appointments and home visits (docs/api.md, "Appointments and home visits"): scheduled, then
// attended (which starts the progress-note clock), no-show or cancelled.

import type { Items } from './api';
import { enc, postStep, request } from './api';

export type AppointmentKind = 'home_visit' | 'office' | 'phone' | 'video' | 'other';
export const APPOINTMENT_KINDS: readonly AppointmentKind[] = ['home_visit', 'office', 'phone', 'video', 'other'];

export type AppointmentStatus = 'scheduled' | 'attended' | 'no_show' | 'cancelled';

export interface Appointment {
  id: string;
  version: number;
  client_id: string;
  case_id: string;
  staff_id: string;
  kind: AppointmentKind;
  starts_at: string;
  ends_at: string;
  location: string | null;
  transport_arranged: boolean;
  transport_details: string | null;
  interpreter_language: string | null;
  interpreter_arranged: boolean;
  status: AppointmentStatus;
  outcome_at: string | null;
  /** What the service cost, in dollars (null when not recorded). */
  cost: number | null;
}

export interface AppointmentInput {
  kind: AppointmentKind;
  starts_at: string;
  ends_at: string;
  location?: string;
  staff_id?: string;
  transport_arranged?: boolean;
  transport_details?: string;
  interpreter_language?: string;
  interpreter_arranged?: boolean;
  /** Dollars, at least 0, at most two decimals. */
  cost?: number;
}

export function listAppointments(clientId: string): Promise<Items<Appointment>> {
  return request<Items<Appointment>>(`/clients/${enc(clientId)}/appointments`);
}

export function createAppointment(caseId: string, input: AppointmentInput): Promise<Appointment> {
  return request<Appointment>(`/cases/${enc(caseId)}/appointments`, { method: 'POST', body: input });
}

export function recordAppointmentOutcome(
  appointment: Pick<Appointment, 'id' | 'version'>,
  status: Exclude<AppointmentStatus, 'scheduled'>,
): Promise<Appointment> {
  return postStep<Appointment>(`/appointments/${enc(appointment.id)}/outcome`, appointment, { status });
}
