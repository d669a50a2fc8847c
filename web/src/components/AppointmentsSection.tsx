// The client's appointments and home visits: when, what, where, transport and interpreter, and
// for a scheduled one, its outcome (attended starts the progress-note clock; no-show; cancelled).

import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import type { Appointment, AppointmentStatus } from '../appointmentsApi';
import { listAppointments, recordAppointmentOutcome } from '../appointmentsApi';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_STATUS_LABELS, labelOf } from '../cycleLabels';
import { formatDateTime, formatDollars } from '../format';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  clientId: string;
  refreshKey: number;
  onChanged: (message: string) => void;
}

const OUTCOMES: { status: Exclude<AppointmentStatus, 'scheduled'>; label: string; done: string }[] = [
  { status: 'attended', label: 'Attended', done: 'Appointment marked attended.' },
  { status: 'no_show', label: 'No-show', done: 'Appointment marked as a no-show.' },
  { status: 'cancelled', label: 'Cancel', done: 'Appointment cancelled.' },
];

function arrangements(a: Appointment): string {
  const parts = [
    a.transport_arranged ? `Transport arranged${a.transport_details ? ` (${a.transport_details})` : ''}` : null,
    a.interpreter_language
      ? `Interpreter (${a.interpreter_language}) ${a.interpreter_arranged ? 'arranged' : 'not yet arranged'}`
      : null,
    a.cost !== null && a.cost !== undefined ? `Cost ${formatDollars(a.cost)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : '—';
}

export function AppointmentsSection({ clientId, refreshKey, onChanged }: Props) {
  const appointments = useResource(() => listAppointments(clientId), [clientId, refreshKey]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = appointments.data?.items ?? [];

  async function record(appointment: Appointment, outcome: (typeof OUTCOMES)[number]) {
    setBusy(appointment.id);
    setError(null);
    try {
      await recordAppointmentOutcome(appointment, outcome.status);
      onChanged(outcome.done);
    } catch (err) {
      setError(errorMessage(err));
      appointments.reload();
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="card" aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">Appointments</h2>
      <ErrorAlert error={appointments.error} />
      {error ? <ErrorAlert error={new Error(error)} /> : null}
      {appointments.data && items.length === 0 ? <p class="muted">No appointments yet.</p> : null}
      {items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Appointments</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind and place</th>
                <th scope="col">Arrangements</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {formatDateTime(a.starts_at)}
                    <div class="muted small">until {formatDateTime(a.ends_at)}</div>
                  </th>
                  <td>
                    {labelOf(APPOINTMENT_KIND_LABELS, a.kind)}
                    {a.location ? <div class="muted small">{a.location}</div> : null}
                  </td>
                  <td class="small">{arrangements(a)}</td>
                  <td>
                    {a.status === 'scheduled' ? (
                      <div class="actions compact-actions">
                        {OUTCOMES.map((outcome) => (
                          <button key={outcome.status} type="button" class="button-secondary button-small"
                            disabled={busy === a.id} onClick={() => record(a, outcome)}
                            aria-label={`${outcome.label}: appointment of ${formatDateTime(a.starts_at)}`}>
                            {outcome.label}
                          </button>
                        ))}
                      </div>
                    ) : (
                      <span class="badge badge-status">{labelOf(APPOINTMENT_STATUS_LABELS, a.status)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
