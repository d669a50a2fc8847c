// Read-only demographics of one client: identity, language, how to reach them, identifiers.

import type { Address, Client } from '../api';
import { birthDateWithAge, formatDateTime, IDENTIFIER_LABELS, languageName, SEX_LABELS } from '../format';

function formatAddress(address: Address | null): string | null {
  if (!address) return null;
  const cityLine = [address.city, [address.state, address.postal_code].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const lines = [address.line1, address.line2, cityLine, address.country].filter(Boolean);
  return lines.length ? lines.join('\n') : null;
}

export function ClientDemographics({ client }: { client: Client }) {
  const address = formatAddress(client.address);
  return (
    <section class="card" aria-labelledby="demographics-heading">
      <h2 id="demographics-heading">Demographics</h2>
      <dl class="details">
        <div>
          <dt>Name</dt>
          <dd>
            {[client.given_name, client.middle_name, client.family_name].filter(Boolean).join(' ')}
            {client.preferred_name ? ` (prefers “${client.preferred_name}”)` : ''}
          </dd>
        </div>
        <div>
          <dt>Birth date</dt>
          <dd>{birthDateWithAge(client.birth_date)}</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{SEX_LABELS[client.sex] ?? client.sex}</dd>
        </div>
        <div>
          <dt>Preferred language</dt>
          <dd>
            {languageName(client.preferred_language)}
            {client.interpreter_needed ? (
              <span class="badge badge-attention"> Interpreter needed</span>
            ) : (
              <span class="muted"> · no interpreter needed</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{client.phone ? <a href={`tel:${client.phone}`}>{client.phone}</a> : '—'}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{client.email ? <a href={`mailto:${client.email}`}>{client.email}</a> : '—'}</dd>
        </div>
        <div class="wide">
          <dt>Address</dt>
          <dd class="preline">{address ?? '—'}</dd>
        </div>
        <div class="wide">
          <dt>Identifiers</dt>
          <dd>
            {client.identifiers.length === 0 ? (
              '—'
            ) : (
              <ul class="plain-list">
                {client.identifiers.map((identifier) => (
                  <li key={`${identifier.type}:${identifier.value}`}>
                    <span class="muted">{IDENTIFIER_LABELS[identifier.type] ?? identifier.type}:</span>{' '}
                    <span class="mono">{identifier.value}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p class="muted small">
        Registered {formatDateTime(client.created_at)} · last changed {formatDateTime(client.updated_at)}
      </p>
    </section>
  );
}
