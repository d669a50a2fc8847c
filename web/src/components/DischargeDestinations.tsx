// Discharges in a period by destination, as bars and a table; each opens the discharges behind it.

import { destinationLabel } from '../reportLabels';
import { navigate } from '../router';
import { BarChart } from './BarChart';

interface Props {
  byDestination: Record<string, number>;
  /** The drill-down of the period's discharges. */
  href: string;
}

export function DischargeDestinations({ byDestination, href }: Props) {
  const entries = Object.entries(byDestination).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <p class="muted">No discharges in this period.</p>;
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const summary =
    `${total} ${total === 1 ? 'discharge' : 'discharges'}: ` +
    entries.map(([destination, count]) => `${destinationLabel(destination)} ${count}`).join(', ') + '.';
  return (
    <div class="chart-layout-report">
      <BarChart id="destinations-chart" title="Discharges by destination" summary={summary}
        categories={entries.map(([destination]) => destinationLabel(destination))}
        series={[{ label: 'Discharges', values: entries.map(([, count]) => count) }]}
        valueTitle="Discharges" categoryTitle="Destination" whole onSelect={() => navigate(href)} />
      <div class="table-wrap">
        <table class="report-table">
          <caption>Discharges by destination</caption>
          <thead>
            <tr>
              <th scope="col">Destination</th>
              <th scope="col" class="numeric">Discharges</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([destination, count]) => (
              <tr key={destination}>
                <th scope="row">{destinationLabel(destination)}</th>
                <td class="numeric">
                  <a href={href} aria-label={`${destinationLabel(destination)}: ${count} discharges`}>{count}</a>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All</th>
              <td class="numeric">
                <a href={href} aria-label={`All destinations: ${total} discharges`}>{total}</a>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
