// The monthly outcome page: a month (the last full one by default) and a program (and, for
// directors and auditors, a team), the headline figures with what each was made of, twelve months
// of trend lines for timeliness and outcomes, discharges by destination and the figures of each
// case manager. Every figure opens the cases behind it; the report downloads as CSV, Excel or PDF.
// Directors and auditors read the whole organization; supervisors their team.

import { useEffect } from 'preact/hooks';
import type { User } from '../api';
import { listPrograms, listUsers } from '../api';
import { canSeeOutcomes, readsWholeOrganization } from '../access';
import { CaseManagerTable } from '../components/CaseManagerTable';
import { DischargeDestinations } from '../components/DischargeDestinations';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportLinks } from '../components/ExportLinks';
import { FigureTile } from '../components/FigureTile';
import { NoReportAccess } from '../components/NoReportAccess';
import type { Option } from '../components/SelectField';
import { SelectField } from '../components/SelectField';
import { TrendSection } from '../components/TrendSection';
import { setTitle } from '../format';
import { lastFullMonth, periodTitle, recentMonths } from '../reportPeriods';
import type { MetricName, ReportScope } from '../reportsApi';
import { getFigures, getTrend } from '../reportsApi';
import type { Location } from '../router';
import { href, navigate, reportCasesHref } from '../router';
import { useResource } from '../useResource';

interface Props {
  user: User;
  location: Location;
}

/** The headline figures, in groups a director reads top to bottom. */
const HEADLINE_GROUPS: readonly { title: string; metrics: readonly MetricName[] }[] = [
  {
    title: 'Caseload and referrals',
    metrics: ['caseload', 'acuity_weighted_caseload', 'new_referrals_per_week', 'time_to_service_median', 'time_to_service_p90'],
  },
  {
    title: 'Timeliness',
    metrics: ['first_contact_on_time', 'referral_follow_ups_on_time', 'notes_on_time', 'incidents_on_time', 'plan_reviews_on_time'],
  },
  {
    title: 'Outcomes',
    metrics: ['readmissions_30_day', 'no_show_rate', 'satisfaction', 'goal_completion', 'discharges'],
  },
  { title: 'Services and documentation', metrics: ['services_per_case', 'cost_per_case', 'audit_readiness'] },
];

const TIMELINESS: readonly MetricName[] = [
  'first_contact_on_time',
  'referral_follow_ups_on_time',
  'notes_on_time',
  'incidents_on_time',
  'plan_reviews_on_time',
];
const OUTCOME_RATES: readonly MetricName[] = ['readmissions_30_day', 'no_show_rate', 'goal_completion'];
const TREND_METRICS: readonly MetricName[] = [...TIMELINESS, ...OUTCOME_RATES, 'satisfaction'];

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function OutcomesPage({ user, location }: Props) {
  if (!canSeeOutcomes(user.role)) {
    return (
      <NoReportAccess role={user.role} title="Outcomes"
        readers="Only directors, auditors and supervisors see the outcome reports" />
    );
  }
  return <Outcomes user={user} location={location} />;
}

function Outcomes({ user, location }: Props) {
  const wholeOrganization = readsWholeOrganization(user.role);
  const asked = location.query.get('period') ?? '';
  const period = MONTH_PATTERN.test(asked) ? asked : lastFullMonth();
  const program = location.query.get('program') ?? '';
  // A supervisor's reports are always their team's; directors and auditors may pick one.
  const team = wholeOrganization ? location.query.get('team') ?? '' : user.id;
  const scope: ReportScope = { program: program || null, team: team || null };

  const programs = useResource(() => listPrograms(), []);
  const supervisors = useResource(
    () => (wholeOrganization ? listUsers('supervisor') : Promise.resolve(null)),
    [wholeOrganization],
  );
  const figures = useResource(() => getFigures(period, scope), [period, program, team]);
  const trend = useResource(() => getTrend(period, TREND_METRICS, scope, 12), [period, program, team]);

  useEffect(() => setTitle('Outcomes'), []);

  function choose(name: 'period' | 'program' | 'team', value: string) {
    const next = { period, program, team: wholeOrganization ? team : '', [name]: value };
    navigate(href('/outcomes', next), { replace: true });
  }

  const months: Option[] = recentMonths(24);
  if (!months.some((month) => month.value === period)) months.push({ value: period, label: periodTitle(period) });
  const programOptions: Option[] = [
    { value: '', label: 'All programs' },
    ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.active ? p.name : `${p.name} (inactive)` })),
  ];
  const teamOptions: Option[] = [
    { value: '', label: 'Every team' },
    ...(supervisors.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.display_name}’s team` })),
  ];
  const programName = programs.data?.items.find((p) => p.id === program)?.name;
  const teamName = supervisors.data?.items.find((s) => s.id === team)?.display_name;
  const scopeWords = [
    wholeOrganization ? (teamName ? `${teamName}’s team` : 'The whole organization') : 'Your team',
    programName ? `program ${programName}` : 'all programs',
  ].join(', ');

  const drill = (metric: MetricName) => reportCasesHref({ metric, period, program: scope.program, team: scope.team, from: 'outcomes' });
  const data = figures.data;

  return (
    <div class="report-page">
      <div class="page-heading">
        <h1>Outcomes</h1>
        <p class="subtitle">
          {scopeWords}, {periodTitle(period)}. Each figure opens the cases behind it.
        </p>
      </div>

      <section class="card report-filters" aria-label="Month and scope">
        <div class="report-filter-fields">
          <SelectField id="outcomes-month" label="Month" value={period} options={months}
            onChange={(value) => choose('period', value)} />
          <SelectField id="outcomes-program" label="Program" value={program} options={programOptions}
            onChange={(value) => choose('program', value)} />
          {wholeOrganization ? (
            <SelectField id="outcomes-team" label="Team" value={team} options={teamOptions}
              onChange={(value) => choose('team', value)} />
          ) : null}
        </div>
        <div class="report-filter-export">
          <p class="field-label">Download this report</p>
          <ExportLinks period={period} scope={scope} />
        </div>
      </section>
      <ErrorAlert error={programs.error ?? supervisors.error} />

      <p class="muted small" role="status">
        {figures.loading ? 'Loading the figures…' : ''}
      </p>
      <ErrorAlert error={figures.error} />
      {data ? (
        <section aria-labelledby="headline-heading">
          <h2 id="headline-heading" class="visually-hidden">
            Headline figures
          </h2>
          {HEADLINE_GROUPS.map((group) => (
            <section key={group.title} class="card figure-group" aria-label={group.title}>
              <h3>{group.title}</h3>
              <div class="figure-grid">
                {group.metrics.map((metric) => (
                  <FigureTile key={metric} metric={metric} figure={data.total[metric]} href={drill(metric)} />
                ))}
              </div>
            </section>
          ))}
        </section>
      ) : null}

      <section class="card" aria-labelledby="trends-heading">
        <h2 id="trends-heading">The last twelve months</h2>
        <ErrorAlert error={trend.error} />
        {trend.loading && !trend.data ? <p class="muted">Loading the trend…</p> : null}
        {trend.data ? (
          <div class="trend-blocks">
            <TrendSection id="trend-timeliness" title="Timeliness" metrics={TIMELINESS} periods={trend.data.periods}
              scope={scope} valueTitle="% on time" min={0} max={100} suffix="%" from="outcomes" />
            <TrendSection id="trend-outcomes" title="Outcomes" metrics={OUTCOME_RATES} periods={trend.data.periods}
              scope={scope} valueTitle="Percent (%)" min={0} max={100} suffix="%" from="outcomes" />
            <TrendSection id="trend-satisfaction" title="Satisfaction after discharge" metrics={['satisfaction']}
              periods={trend.data.periods} scope={scope} valueTitle="Mean rating (1 to 5)" min={1} max={5} from="outcomes" />
          </div>
        ) : null}
      </section>

      {data ? (
        <>
          <section class="card" aria-labelledby="destinations-heading">
            <h2 id="destinations-heading">Discharges by destination</h2>
            <DischargeDestinations byDestination={data.discharges_by_destination} href={drill('discharges')} />
          </section>
          <section class="card" aria-labelledby="case-managers-heading">
            <h2 id="case-managers-heading">By case manager</h2>
            <p class="subtitle">Rates show the share on time with how many were met of how many were due.</p>
            <CaseManagerTable people={data.by_case_manager} total={data.total} period={period} scope={scope}
              from="outcomes" />
          </section>
        </>
      ) : null}
    </div>
  );
}
