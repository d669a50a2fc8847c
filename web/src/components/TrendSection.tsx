// A group of metrics over the last months as trend lines, with the same numbers in a table whose
// every figure opens the cases behind it for that month.

import type { MetricName, ReportScope, TrendPeriod } from '../reportsApi';
import { formatValue, METRICS } from '../reportLabels';
import { periodAxisLabel, periodTitle } from '../reportPeriods';
import type { ReportOrigin } from '../router';
import { navigate, reportCasesHref } from '../router';
import { LineChart } from './LineChart';

interface Props {
  id: string;
  title: string;
  metrics: readonly MetricName[];
  periods: TrendPeriod[];
  scope: ReportScope;
  /** The value axis: its title and scale. */
  valueTitle: string;
  min: number;
  max: number;
  suffix?: string;
  from: ReportOrigin;
}

/** "Notes on time 50% in Oct 2026 (80% the month before)". */
function latestPhrase(metric: MetricName, periods: TrendPeriod[]): string {
  const label = METRICS[metric].label;
  const seen = periods.filter((period) => (period.total[metric]?.value ?? null) !== null);
  if (seen.length === 0) return `${label}: no events`;
  const last = seen[seen.length - 1];
  const before = seen.length > 1 ? seen[seen.length - 2] : null;
  return (
    `${label} ${formatValue(metric, last.total[metric]!.value)} in ${periodAxisLabel(last.label)}` +
    (before ? ` (${formatValue(metric, before.total[metric]!.value)} in ${periodAxisLabel(before.label)})` : '')
  );
}

export function TrendSection(props: Props) {
  const { id, title, metrics, periods, scope, valueTitle, min, max, suffix, from } = props;
  const link = (metric: MetricName, period: TrendPeriod) =>
    reportCasesHref({ metric, period: period.label, program: scope.program, team: scope.team, case_manager: scope.case_manager, from });
  const summary = `${metrics.map((metric) => latestPhrase(metric, periods)).join('; ')}. A month without events has no point.`;

  return (
    <section class="trend-block" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <LineChart id={id} title={`${title}, ${periodTitle(periods[0]?.label ?? '')} to ${periodTitle(periods[periods.length - 1]?.label ?? '')}`}
        summary={summary}
        categories={periods.map((period) => periodAxisLabel(period.label))}
        series={metrics.map((metric) => ({
          label: METRICS[metric].label,
          values: periods.map((period) => period.total[metric]?.value ?? null),
        }))}
        valueTitle={valueTitle} min={min} max={max} suffix={suffix}
        onSelect={(periodIndex, seriesIndex) => navigate(link(metrics[seriesIndex], periods[periodIndex]))} />
      <details class="trend-table">
        <summary>{title} as a table</summary>
        <div class="table-wrap">
          <table class="report-table">
            <caption class="visually-hidden">{title} by month, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {metrics.map((metric) => (
                  <th key={metric} scope="col" class="numeric">
                    {METRICS[metric].label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.label}>
                  <th scope="row">{periodTitle(period.label)}</th>
                  {metrics.map((metric) => {
                    const figure = period.total[metric];
                    return (
                      <td key={metric} class="numeric">
                        {figure && figure.value !== null ? (
                          <a href={link(metric, period)}>
                            {formatValue(metric, figure.value)}
                            {METRICS[metric].kind === 'rate' ? (
                              <span class="muted small"> ({figure.numerator}/{figure.denominator})</span>
                            ) : null}
                          </a>
                        ) : (
                          <span class="muted">—</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
