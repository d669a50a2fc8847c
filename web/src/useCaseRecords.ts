// The records of one case that a care plan's interventions may link to: the user's tasks on it,
// its appointments and its referrals out (read from the client's lists and kept to the case).

import type { Appointment } from './appointmentsApi';
import { listAppointments } from './appointmentsApi';
import { APPOINTMENT_KIND_LABELS, labelOf, REFERRAL_OUT_STATUS_LABELS } from './cycleLabels';
import { formatDateTime } from './format';
import type { ReferralOut } from './referralsOutApi';
import { listReferralsOut } from './referralsOutApi';
import type { Resource } from './useResource';
import { useResource } from './useResource';
import type { Task } from './worklistApi';
import { listTasks } from './worklistApi';

export interface CaseRecords {
  tasks: Task[];
  appointments: Appointment[];
  referralsOut: ReferralOut[];
}

export function useCaseRecords(clientId: string, caseId: string, refreshKey: number): Resource<CaseRecords> {
  return useResource(async () => {
    // Tasks are read only by their assignee: these are the user's own tasks on the case.
    const [open, done, appointments, referrals] = await Promise.all([
      listTasks('open'),
      listTasks('done'),
      listAppointments(clientId),
      listReferralsOut(clientId),
    ]);
    return {
      tasks: [...open.items, ...done.items].filter((t) => t.case_id === caseId),
      appointments: appointments.items.filter((a) => a.case_id === caseId),
      referralsOut: referrals.items.filter((r) => r.case_id === caseId),
    };
  }, [clientId, caseId, refreshKey]);
}

export function taskLabel(task: Task): string {
  return `${task.title} (due ${formatDateTime(task.due_at)}${task.status === 'done' ? ', done' : ''})`;
}

export function appointmentLabel(appointment: Appointment): string {
  return `${labelOf(APPOINTMENT_KIND_LABELS, appointment.kind)} on ${formatDateTime(appointment.starts_at)}`;
}

export function referralOutLabel(referral: ReferralOut): string {
  return `${referral.provider_name} · ${referral.service} (${labelOf(REFERRAL_OUT_STATUS_LABELS, referral.status)})`;
}

/** What an intervention is linked to, in words; null when it is linked to nothing. */
export function linkLabel(
  links: { task_id: string | null; appointment_id: string | null; referral_out_id: string | null },
  records: CaseRecords | null,
): string | null {
  if (links.task_id) {
    const task = records?.tasks.find((t) => t.id === links.task_id);
    return `Task: ${task ? taskLabel(task) : links.task_id}`;
  }
  if (links.appointment_id) {
    const appointment = records?.appointments.find((a) => a.id === links.appointment_id);
    return `Appointment: ${appointment ? appointmentLabel(appointment) : links.appointment_id}`;
  }
  if (links.referral_out_id) {
    const referral = records?.referralsOut.find((r) => r.id === links.referral_out_id);
    return `Referral out: ${referral ? referralOutLabel(referral) : links.referral_out_id}`;
  }
  return null;
}
