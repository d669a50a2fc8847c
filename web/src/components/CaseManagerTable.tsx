// The figures of each case manager in a report's scope, one row each and the total last; every
// figure opens the cases behind it for that person.

import type { CaseManagerFigures, Figure, FigureSet, MetricName, ReportScope } from '../reportsApi';
import { formatValue, METRICS } from '../reportLabels';
import type { ReportOrigin } from '../router';
import { reportCasesHref } from '../router';

/** The columns, with the short heading each gets in a table this wide. */
const COLUMNS: readonly { metric: MetricName; heading: string }[] = [
  { metric: 'caseload', heading: 'Open cases' },
  { metric: 'acuity_weighted_caseload', heading: 'Acuity-weighted' },
  { metric: 'new_referrals_per_week', heading: 'New referrals a week' },
  { metric: 'first_contact_on_time', heading: 'First contact on time' },
  { metric: 'referral_follow_ups_on_time', heading: 'Follow-ups on time' },
  { metric: 'notes_on_time', heading: 'Notes on time' },
  { metric: 'incidents_on_time', heading: 'Incidents on time' },
  { metric: 'plan_reviews_on_time', heading: 'Plan reviews on time' },
  { metric: 'no_show_rate', heading: 'No-shows' },
  { metric: 'audit_readiness', heading: 'Audit readiness' },
];

interface Props {
  people: CaseManagerFigures[];
  total: FigureSet;
  period: string;
  scope: ReportScope;
  from: ReportOrigin;
}

function Cell({ metric, figure, href, who }: { metric: MetricName; figure: Figure | undefined; href: string; who: string }) {
  if (!figure || figure.value === null) return <td class="numeric muted">—</td>;
  const rate = METRICS[metric].kind === 'rate';
  return (
    <td class="numeric">
      <a href={href} aria-label={`${who}: ${METRICS[metric].label} ${formatValue(metric, figure.value)}${rate ? `, ${figure.numerator} of ${figure.denominator}` : ''}`}>
        {formatValue(metric, figure.value, true)}
        {rate ? <span class="cell-basis">{figure.numerator} of {figure.denominator}</span> : null}
      </a>
    </td>
  );
}

export function CaseManagerTable({ people, total, period, scope, from }: Props) {
  if (people.length === 0) return <p class="muted">No case manager had cases or referrals in this period.</p>;
  const sorted = [...people].sort((a, b) => (a.name || '').localeCompare(b.name || ''));
  const link = (metric: MetricName, caseManager: string | null) =>
    reportCasesHref({ metric, period, program: scope.program, team: scope.team, case_manager: caseManager ?? scope.case_manager, from });
  return (
    <div class="table-wrap">
      <table class="report-table case-manager-table">
        <caption class="visually-hidden">Figures by case manager</caption>
        <thead>
          <tr>
            <th scope="col">Case manager</th>
            {COLUMNS.map((column) => (
              <th key={column.metric} scope="col" class="numeric" title={METRICS[column.metric].description}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((person) => {
            const who = person.name || 'Not yet assigned';
            return (
              <tr key={person.user_id ?? ''}>
                <th scope="row">{who}</th>
                {COLUMNS.map((column) => (
                  <Cell key={column.metric} metric={column.metric} figure={person.figures[column.metric]} who={who}
                    href={link(column.metric, person.user_id || null)} />
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            {COLUMNS.map((column) => (
              <Cell key={column.metric} metric={column.metric} figure={total[column.metric]} who="All"
                href={link(column.metric, null)} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
