// The client's incident reports: type, severity, when it occurred and was documented (late when
// past the program's limit), and for a draft, submitting it.

import { useState } from 'preact/hooks';
import { INCIDENT_TYPE_LABELS, labelOf, SEVERITY_LABELS } from '../cycleLabels';
import { formatDateTime } from '../format';
import { listIncidents } from '../incidentsApi';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';
import { IncidentSubmitForm } from './IncidentSubmitForm';

interface Props {
  clientId: string;
  refreshKey: number;
  onChanged: (message: string) => void;
}

export function IncidentsSection({ clientId, refreshKey, onChanged }: Props) {
  const incidents = useResource(() => listIncidents(clientId), [clientId, refreshKey]);
  const [submitting, setSubmitting] = useState<string | null>(null);
  const items = incidents.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Incidents</h2>
      <ErrorAlert error={incidents.error} />
      {incidents.data && items.length === 0 ? <p class="muted">No incidents reported.</p> : null}
      <div class="record-list">
        {items.map((incident) => (
          <article key={incident.id} class="record incident" aria-labelledby={`incident-${incident.id}-heading`}>
            <div class="record-heading">
              <h3 id={`incident-${incident.id}-heading`}>
                {labelOf(INCIDENT_TYPE_LABELS, incident.type)} · {formatDateTime(incident.occurred_at)}
              </h3>
              <span>
                <span class={`badge badge-severity-${incident.severity}`}>{labelOf(SEVERITY_LABELS, incident.severity)}</span>
                <span class="badge badge-status">{incident.status === 'submitted' ? 'Submitted' : 'Draft'}</span>
                {incident.late ? <span class="badge badge-late">Late</span> : null}
              </span>
            </div>
            <p class="preline">{incident.description}</p>
            <ul class="plain-list muted small record-facts">
              <li>Emergency services {incident.emergency_services_contacted ? 'contacted' : 'not contacted'}</li>
              {incident.actions ? <li>Actions: {incident.actions}</li> : null}
              {incident.documented_at ? <li>Documented {formatDateTime(incident.documented_at)}</li> : null}
            </ul>
            {incident.status === 'draft' && submitting !== incident.id ? (
              <div class="actions">
                <button type="button" onClick={() => setSubmitting(incident.id)}>Submit report</button>
              </div>
            ) : null}
            {submitting === incident.id ? (
              <IncidentSubmitForm incident={incident} onStale={incidents.reload} onCancel={() => setSubmitting(null)}
                onDone={() => {
                  setSubmitting(null);
                  onChanged('Incident report submitted.');
                }} />
            ) : null}
          </article>
        ))}
      </div>
    </section>
  );
}
