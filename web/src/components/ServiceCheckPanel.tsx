// The answer of a medical-necessity check of a requested service for a client
// (POST /clients/{id}/service-check): whether it meets necessity (a need on the plan calls for it,
// the client is eligible and covered), otherwise the reasons in words and up to five alternatives
// meeting the same need that the client may use.

import type { ServiceCheck } from '../directoryApi';
import { costText, reasonSentence, waitText } from './ServiceFacts';

interface Props {
  check: ServiceCheck;
  clientName: string;
  idPrefix: string;
}

export function ServiceCheckPanel({ check, clientName, idPrefix }: Props) {
  const headingId = `${idPrefix}-check-heading`;
  if (check.meets) {
    return (
      <div class="alert alert-success service-check" role="status" aria-labelledby={headingId}>
        <h4 id={headingId}>Meets necessity and coverage</h4>
        <p>
          A need on {clientName}’s care plan calls for {check.service.name}, and the client is eligible and covered.
        </p>
      </div>
    );
  }
  return (
    <div class="alert alert-warning service-check" role="status" aria-labelledby={headingId}>
      <h4 id={headingId}>Does not meet necessity or coverage</h4>
      <p>{check.service.name} cannot be justified for {clientName} as requested:</p>
      <ul class="service-check-reasons">
        {check.reasons.map((reason) => (
          <li key={reason}>{reasonSentence(reason)}</li>
        ))}
      </ul>
      <h5>Alternatives the client may use</h5>
      {check.alternatives.length === 0 ? (
        <p>No other service in the directory meets the same need for this client.</p>
      ) : (
        <ol class="service-alternatives">
          {check.alternatives.map((alternative) => (
            <li key={alternative.service.id}>
              <strong>{alternative.service.name}</strong>
              {alternative.service.provider ? ` (${alternative.service.provider})` : ''}
              {alternative.distance_km !== null ? ` · ${alternative.distance_km} km` : ''} · {costText(alternative.service)} ·{' '}
              {waitText(alternative.service)}
              {alternative.service.phone ? ` · ${alternative.service.phone}` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
