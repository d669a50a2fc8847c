// Overdue worklist items of each person on a supervisor's team, as bars and as a table; a person's
// numbers open the team worklist showing only their items.

import { navigate, teamWorklistHref } from '../router';
import type { TeamRow } from '../teamRows';
import { BarChart } from './BarChart';

export function OverdueByPerson({ rows }: { rows: TeamRow[] }) {
  const people = rows.filter((row) => row.userId !== '');
  if (people.length === 0) return <p class="muted">No one on your team yet.</p>;
  const overdue = people.map((row) => row.overdueItems);
  const total = overdue.reduce((sum, n) => sum + n, 0);
  const late = people.filter((row) => row.overdueItems > 0);
  const summary =
    total === 0
      ? 'Nothing is overdue on the team.'
      : `${total} overdue ${total === 1 ? 'item' : 'items'}: ` +
        late.map((row) => `${row.name} ${row.overdueItems}`).join(', ') + '.';

  return (
    <div class="chart-layout-report">
      <BarChart id="overdue-chart" title="Overdue items by person" summary={summary}
        categories={people.map((row) => row.name)} series={[{ label: 'Overdue items', values: overdue }]}
        valueTitle="Items overdue now" categoryTitle="Person" whole
        onSelect={(index) => navigate(teamWorklistHref(people[index].userId))} />
      <div class="table-wrap">
        <table class="report-table">
          <caption>Worklist items by person</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" class="numeric">Open items</th>
              <th scope="col" class="numeric">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {people.map((row) => (
              <tr key={row.userId} class={row.overdueItems > 0 ? 'row-overdue' : undefined}>
                <th scope="row">{row.name}</th>
                <td class="numeric">
                  <a href={teamWorklistHref(row.userId)} aria-label={`${row.name}: ${row.openItems} open items`}>
                    {row.openItems}
                  </a>
                </td>
                <td class="numeric">
                  <a href={teamWorklistHref(row.userId)} aria-label={`${row.name}: ${row.overdueItems} overdue items`}>
                    {row.overdueItems}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
