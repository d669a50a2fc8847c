// One headline figure: what it measures, its value with the unit, and what it was made of
// ("1 of 2 notes"). The whole tile is the link to the cases behind the figure.

import type { MetricName, Figure } from '../reportsApi';
import { figureBasis, formatValue, METRICS } from '../reportLabels';

interface Props {
  metric: MetricName;
  figure: Figure | undefined;
  href: string;
}

export function FigureTile({ metric, figure, href }: Props) {
  const definition = METRICS[metric];
  const basis = figureBasis(metric, figure);
  const empty = !figure || figure.value === null;
  return (
    <a class={`figure-tile${empty ? ' figure-empty' : ''}`} href={href} title={definition.description}
      data-metric={metric}>
      <span class="figure-label">{definition.label}</span>
      <span class="figure-value">{empty ? 'No data' : formatValue(metric, figure.value)}</span>
      {basis ? <span class="figure-basis">{basis}</span> : null}
      <span class="visually-hidden">: see the cases</span>
    </a>
  );
}
