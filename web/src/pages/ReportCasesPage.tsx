// The drill-down behind a report figure: the cases (or referrals) that made it for one period and
// scope, with the client's name linked to the chart where the user may open the client ("Withheld"
// otherwise: directors and auditors see case ids, never names), the case manager, each case's value
// and what missed. "Missed only" keeps the observations that missed (rates and audit readiness).
// Consent-restricted cases the user is not named for are only counted.

import { useEffect } from 'preact/hooks';
import type { User } from '../api';
import { listPrograms } from '../api';
import { canSeeOutcomes } from '../access';
import { CheckboxField } from '../components/CheckboxField';
import { ErrorAlert } from '../components/ErrorAlert';
import { NoReportAccess } from '../components/NoReportAccess';
import { setTitle } from '../format';
import { canMiss, caseValue, isMetricName, METRICS, observationMissed } from '../reportLabels';
import { periodTitle } from '../reportPeriods';
import type { MetricName, ReportScope } from '../reportsApi';
import { getReportCases } from '../reportsApi';
import type { Location } from '../router';
import { clientHref, href, navigate, reportCasesHref } from '../router';
import { useResource } from '../useResource';
import { useStaff } from '../useStaff';

interface Props {
  user: User;
  location: Location;
}

export function ReportCasesPage({ user, location }: Props) {
  if (!canSeeOutcomes(user.role)) {
    return <NoReportAccess role={user.role} title="Cases behind a figure" readers="Only directors, auditors and supervisors see report drill-downs" />;
  }
  const metric = location.query.get('metric');
  const period = location.query.get('period');
  if (!isMetricName(metric) || !period) {
    return (
      <div>
        <div class="page-heading">
          <h1>Cases behind a figure</h1>
        </div>
        <div class="alert alert-info notice-card" role="status">
          <p>This address does not name a figure and a period. Open a figure from the outcome page.</p>
          <p>
            <a href={href('/outcomes')}>Go to the outcomes</a>
          </p>
        </div>
      </div>
    );
  }
  return <ReportCases metric={metric} period={period} location={location} />;
}

/** Underscored words from the server ("late_note") read as words ("late note"). */
const words = (text: string) => text.replace(/_/g, ' ');

function ReportCases({ metric, period, location }: { metric: MetricName; period: string; location: Location }) {
  const query = location.query;
  const scope: ReportScope = {
    program: query.get('program') || null,
    team: query.get('team') || null,
    case_manager: query.get('case_manager') || null,
  };
  const missedOnly = canMiss(metric) && query.get('missed') === 'true';
  const from = query.get('from') === 'team' ? 'team' : 'outcomes';
  const definition = METRICS[metric];

  const cases = useResource(
    () => getReportCases(metric, period, scope, missedOnly),
    [metric, period, scope.program, scope.team, scope.case_manager, missedOnly],
  );
  const programs = useResource(() => listPrograms(), []);
  const staff = useStaff();

  useEffect(() => setTitle(`${definition.label}: cases`), [metric]);

  const programName = (id: string | null) =>
    (id && programs.data?.items.find((p) => p.id === id)?.name) || (id ? id : '—');
  const scopeWords = [
    scope.team ? `${staff.name(scope.team)}’s team` : null,
    scope.case_manager ? staff.name(scope.case_manager) : null,
    scope.program ? `program ${programName(scope.program)}` : null,
  ].filter(Boolean);
  const back =
    from === 'team'
      ? { href: href('/team-dashboard'), label: 'Team dashboard' }
      : {
          href: href('/outcomes', {
            period: /^\d{4}-\d{2}$/.test(period) ? period : null,
            program: scope.program,
            team: scope.team,
          }),
          label: 'Outcomes',
        };

  function setMissed(checked: boolean) {
    navigate(reportCasesHref({ metric, period, ...scope, missed: checked, from }), { replace: true });
  }

  const data = cases.data;
  const rows = data?.cases ?? [];
  return (
    <div class="report-page">
      <div class="page-heading">
        <p class="breadcrumb">
          <a href={back.href}>← {back.label}</a>
        </p>
        <h1>{definition.label}</h1>
        <p class="subtitle">
          The cases behind the figure: {periodTitle(period)}
          {scopeWords.length > 0 ? `, ${scopeWords.join(', ')}` : ''}. {definition.description}
        </p>
      </div>
      <section class="card" aria-labelledby="report-cases-heading">
        <div class="card-heading">
          <h2 id="report-cases-heading">
            {missedOnly ? 'Cases that missed' : 'Cases'}
            {data ? <span class="muted"> ({rows.length})</span> : null}
          </h2>
          {canMiss(metric) ? (
            <CheckboxField id="report-cases-missed" label="Missed only" checked={missedOnly} onChange={setMissed} />
          ) : null}
        </div>
        <ErrorAlert error={cases.error} />
        <p class="muted small" role="status">
          {cases.loading ? 'Loading the cases…' : ''}
        </p>
        {data && rows.length === 0 ? (
          <p class="muted">{missedOnly ? 'None missed.' : 'No cases are behind this figure.'}</p>
        ) : null}
        {rows.length > 0 ? (
          <div class="table-wrap">
            <table class="report-table report-cases-table">
              <caption class="visually-hidden">
                Cases behind {definition.label}, {periodTitle(period)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Case manager</th>
                  <th scope="col">Program</th>
                  <th scope="col" class="numeric">Value</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={`${row.case_id ?? ''}-${row.referral_id ?? ''}-${index}`}
                    class={observationMissed(metric, row.value, row.weight) ? 'row-missed' : undefined}>
                    <th scope="row">
                      {row.withheld || !row.client_name || !row.client_id ? (
                        <>
                          <span class="badge badge-restricted badge-withheld">Withheld</span>{' '}
                          <span class="mono small muted">{row.case_id || row.referral_id}</span>
                        </>
                      ) : (
                        <a href={clientHref(row.client_id)}>{row.client_name}</a>
                      )}
                    </th>
                    <td>{row.case_manager_name || (row.case_manager_id ? staff.name(row.case_manager_id) : 'Not yet assigned')}</td>
                    <td>{row.program_name || programName(row.program_id)}</td>
                    <td class="numeric">{caseValue(metric, row.value, row.weight)}</td>
                    <td>{row.detail ? words(row.detail) : <span class="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {data && data.not_listed > 0 ? (
          <p class="not-listed">
            {data.not_listed} restricted {data.not_listed === 1 ? 'case' : 'cases'} not listed: the client’s consent
            does not name you.
          </p>
        ) : null}
      </section>
    </div>
  );
}
