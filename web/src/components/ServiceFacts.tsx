// What a directory listing says about a service, as a definition list: needs met, languages,
// cost (and the coverage a fee service takes), capacity and wait, ages, hours, address, phone.

import { COST_LABELS, PAYER_LABELS } from '../coverageLabels';
import { labelOf } from '../cycleLabels';
import { needCategoryLabel } from '../carePlanLabels';
import type { Service } from '../directoryApi';
import { languageName } from '../format';

/**
 * A reason from the server ("charges a fee and takes none of the client's coverage", "no need on
 * the client's care plan calls for this service (...)") as a sentence.
 */
export function reasonSentence(reason: string): string {
  const text = reason.trim().replace(/\.$/, '');
  if (/^(charges|serves|has|is|does|takes|speaks)\b/.test(text)) return `It ${text}.`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function waitText(service: Pick<Service, 'accepting' | 'wait_days'>): string {
  const wait = service.wait_days > 0 ? `about ${service.wait_days} ${service.wait_days === 1 ? 'day' : 'days'} to start` : 'no wait';
  return service.accepting ? `Accepting new clients · ${wait}` : `Wait list (not accepting now) · ${wait}`;
}

export function costText(service: Pick<Service, 'cost' | 'payers'>): string {
  const cost = labelOf(COST_LABELS, service.cost).replace(/ \(.*\)$/, '');
  if (service.payers.length === 0) return service.cost === 'fee' ? `${cost}; takes no coverage listed` : cost;
  const payers = service.payers.map((p) => labelOf(PAYER_LABELS, p)).join(', ');
  return service.cost === 'fee' ? `${cost}; takes ${payers}` : `${cost} (also bills ${payers})`;
}

export function ServiceFacts({ service }: { service: Service }) {
  const ages = service.min_age === 0 && service.max_age >= 130 ? 'All ages' : `${service.min_age} to ${service.max_age}`;
  return (
    <dl class="details compact service-facts">
      <div>
        <dt>Needs met</dt>
        <dd>{service.needs.map(needCategoryLabel).join(', ')}</dd>
      </div>
      <div>
        <dt>Languages</dt>
        <dd>{service.languages.length > 0 ? service.languages.map(languageName).join(', ') : '—'}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>{costText(service)}</dd>
      </div>
      <div>
        <dt>Capacity and wait</dt>
        <dd>{waitText(service)}</dd>
      </div>
      <div>
        <dt>Ages</dt>
        <dd>{ages}</dd>
      </div>
      <div>
        <dt>Hours</dt>
        <dd>{service.hours ?? '—'}</dd>
      </div>
      <div>
        <dt>Address</dt>
        <dd>
          {service.address ?? '—'}
          {service.area ? <div class="muted small">Serves: {service.area}</div> : null}
        </dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>{service.phone ? <a href={`tel:${service.phone.replace(/[^\d+]/g, '')}`}>{service.phone}</a> : '—'}</dd>
      </div>
    </dl>
  );
}
