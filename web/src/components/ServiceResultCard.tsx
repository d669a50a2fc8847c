// One ranked directory result: the service and its provider, the distance from the client, whether
// the client may use it (with the unmet criteria in words), what the listing says, and the actions:
// "Check coverage / necessity" for a chosen client, "Edit listing" for administrators.

import { useState } from 'preact/hooks';
import type { ServiceCheck, ServiceMatch } from '../directoryApi';
import { checkService } from '../directoryApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { ServiceCheckPanel } from './ServiceCheckPanel';
import { reasonSentence, ServiceFacts } from './ServiceFacts';
import type { Service } from '../directoryApi';
import { ServiceListingForm } from './ServiceListingForm';

interface Props {
  match: ServiceMatch;
  rank: number;
  /** The client the search is for (eligibility and distance are theirs), if any. */
  client: { id: string; name: string } | null;
  canCheck: boolean;
  canEdit: boolean;
  onEdited: (service: Service) => void;
  onStale: () => void;
}

export function ServiceResultCard({ match, rank, client, canCheck, canEdit, onEdited, onStale }: Props) {
  const { service } = match;
  const [check, setCheck] = useState<ServiceCheck | null>(null);
  const [editing, setEditing] = useState(false);
  const form = useApiForm([]);
  const headingId = `service-${service.id}-heading`;

  async function runCheck() {
    if (!client) return;
    const answer = await form.run(() => checkService(client.id, service.id));
    if (answer) setCheck(answer);
  }

  return (
    <article class={`record service-result${client && !match.eligible ? ' service-ineligible' : ''}`}
      aria-labelledby={headingId}>
      <div class="record-heading">
        <h3 id={headingId}>
          <span class="service-rank" aria-hidden="true">{rank}.</span> {service.name}
          {service.provider ? <span class="service-provider"> · {service.provider}</span> : null}
        </h3>
        <span class="service-badges">
          {match.distance_km !== null ? <span class="badge badge-distance">{match.distance_km} km</span> : null}
          {client ? (
            match.eligible ? (
              <span class="badge badge-eligible">Eligible</span>
            ) : (
              <span class="badge badge-attention">Not eligible</span>
            )
          ) : null}
        </span>
      </div>
      {service.description ? <p class="preline">{service.description}</p> : null}
      {client && match.unmet.length > 0 ? (
        <div class="service-unmet">
          <p class="service-unmet-title">Why {client.name} may not use it:</p>
          <ul>
            {match.unmet.map((reason) => (
              <li key={reason}>{reasonSentence(reason)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ServiceFacts service={service} />
      <ErrorAlert error={form.formError} />
      {check && client ? <ServiceCheckPanel check={check} clientName={client.name} idPrefix={`service-${service.id}`} /> : null}
      {(canCheck && client) || (canEdit && !editing) ? (
        <div class="actions compact-actions">
          {canCheck && client ? (
            <button type="button" class="button-secondary button-small" disabled={form.busy} onClick={runCheck}>
              {form.busy ? 'Checking…' : check ? 'Check again' : 'Check coverage / necessity'}
              <span class="visually-hidden"> for {service.name}</span>
            </button>
          ) : null}
          {canEdit && !editing ? (
            <button type="button" class="button-secondary button-small" onClick={() => setEditing(true)}>
              Edit listing<span class="visually-hidden"> {service.name}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <ServiceListingForm service={service} onCancel={() => setEditing(false)} onStale={onStale}
          onDone={(saved) => {
            setEditing(false);
            onEdited(saved);
          }} />
      ) : null}
    </article>
  );
}
