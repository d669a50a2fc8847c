// Caseload balance across a supervisor's team: open cases and the acuity-weighted caseload of each
// person as bars, and the same numbers in a table whose figures open the cases behind them.

import type { MetricName } from '../reportsApi';
import { formatValue } from '../reportLabels';
import { navigate, reportCasesHref } from '../router';
import type { TeamRow } from '../teamRows';
import { BarChart } from './BarChart';

interface Props {
  rows: TeamRow[];
  period: string;
  teamId: string;
}

const valueOf = (row: TeamRow, metric: MetricName) => row.month[metric]?.value ?? 0;

export function CaseloadBalance({ rows, period, teamId }: Props) {
  const people = rows.filter((row) => row.userId !== '');
  if (people.length === 0) return <p class="muted">No one on your team yet.</p>;
  const link = (metric: MetricName, row: TeamRow) =>
    reportCasesHref({ metric, period, team: teamId, case_manager: row.userId, from: 'team' });
  const cases = people.map((row) => valueOf(row, 'caseload'));
  const weighted = people.map((row) => valueOf(row, 'acuity_weighted_caseload'));
  const total = cases.reduce((sum, n) => sum + n, 0);
  const average = total / people.length;
  const most = people[cases.indexOf(Math.max(...cases))];
  const summary =
    `${total} open ${total === 1 ? 'case' : 'cases'} across ${people.length} ${people.length === 1 ? 'person' : 'people'}, ` +
    `${formatValue('caseload', average)} each on average` +
    (total > 0 ? `; the largest caseload is ${most.name}’s with ${valueOf(most, 'caseload')}.` : '.');

  return (
    <div class="chart-layout-report">
      <BarChart id="caseload-chart" title="Open cases and acuity-weighted caseload by person" summary={summary}
        categories={people.map((row) => row.name)}
        series={[
          { label: 'Open cases', values: cases },
          { label: 'Acuity-weighted caseload (points)', values: weighted },
        ]}
        valueTitle="Cases / acuity points" categoryTitle="Person" whole
        onSelect={(index) => navigate(link('caseload', people[index]))} />
      <div class="table-wrap">
        <table class="report-table">
          <caption>Caseload by person</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" class="numeric">Open cases</th>
              <th scope="col" class="numeric">Acuity-weighted</th>
            </tr>
          </thead>
          <tbody>
            {people.map((row, index) => (
              <tr key={row.userId}>
                <th scope="row">{row.name}</th>
                <td class="numeric">
                  <a href={link('caseload', row)} aria-label={`${row.name}: ${cases[index]} open cases`}>{cases[index]}</a>
                </td>
                <td class="numeric">
                  <a href={link('acuity_weighted_caseload', row)}
                    aria-label={`${row.name}: acuity-weighted caseload ${weighted[index]}`}>
                    {formatValue('acuity_weighted_caseload', weighted[index])}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Team</th>
              <td class="numeric">{total}</td>
              <td class="numeric">{formatValue('acuity_weighted_caseload', weighted.reduce((sum, n) => sum + n, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
