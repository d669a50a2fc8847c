// A supervisor's team dashboard: caseload balance across the team this month (open cases and the
// acuity-weighted caseload), overdue items by person now, and the weekly huddle board. Every
// figure opens what is behind it; the month's report downloads as CSV, Excel or PDF.

import { useEffect } from 'preact/hooks';
import type { User } from '../api';
import { canSeeTeamDashboard } from '../access';
import { CaseloadBalance } from '../components/CaseloadBalance';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportLinks } from '../components/ExportLinks';
import { HuddleBoard } from '../components/HuddleBoard';
import { NoReportAccess } from '../components/NoReportAccess';
import { OverdueByPerson } from '../components/OverdueByPerson';
import { formatDateTime, setTitle } from '../format';
import { isoWeekPeriod, periodTitle, thisMonth } from '../reportPeriods';
import { getFigures } from '../reportsApi';
import { href } from '../router';
import { teamRows } from '../teamRows';
import { useResource } from '../useResource';
import { getTeamWorklist } from '../worklistApi';

export function TeamDashboardPage({ user }: { user: User }) {
  const allowed = canSeeTeamDashboard(user.role);
  if (!allowed) {
    return <NoReportAccess role={user.role} title="Team dashboard" readers="Only supervisors see a team dashboard" />;
  }
  return <TeamDashboard user={user} />;
}

function TeamDashboard({ user }: { user: User }) {
  // Fixed for the life of the page: a dashboard left open over midnight keeps the period it said.
  const month = thisMonth();
  const week = isoWeekPeriod();
  const scope = { team: user.id };
  const team = useResource(() => getTeamWorklist(), []);
  const monthFigures = useResource(() => getFigures(month, scope), [month, user.id]);
  const weekFigures = useResource(() => getFigures(week, scope), [week, user.id]);

  useEffect(() => setTitle('Team dashboard'), []);

  const rows = teamRows(team.data, monthFigures.data, weekFigures.data);
  const loading = team.loading || monthFigures.loading || weekFigures.loading;
  const refresh = () => {
    team.reload();
    monthFigures.reload();
    weekFigures.reload();
  };

  return (
    <div class="report-page">
      <div class="page-heading with-action">
        <div>
          <h1>Team dashboard</h1>
          <p class="subtitle">
            You and the staff you supervise. {team.data ? `As of ${formatDateTime(team.data.as_of)}.` : null}{' '}
            <a href={href('/outcomes', { period: month })}>Your team’s outcomes</a>
          </p>
        </div>
        <div class="actions no-print">
          <button type="button" class="button-secondary" onClick={refresh} disabled={loading}>
            Refresh
          </button>
        </div>
      </div>
      <p class="muted small" role="status">
        {loading ? 'Loading the team’s figures…' : ''}
      </p>

      <section class="card" aria-labelledby="caseload-heading">
        <div class="card-heading">
          <div>
            <h2 id="caseload-heading">Caseload balance</h2>
            <p class="subtitle">Cases open now, {periodTitle(month)}; high-risk clients weigh 3, moderate 2, others 1.</p>
          </div>
          <div class="no-print">
            <ExportLinks period={month} scope={scope} />
          </div>
        </div>
        <ErrorAlert error={monthFigures.error} />
        {monthFigures.data && team.data ? (
          <CaseloadBalance rows={rows} period={month} teamId={user.id} />
        ) : null}
      </section>

      <section class="card" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue items by person</h2>
        <ErrorAlert error={team.error} />
        {team.data ? <OverdueByPerson rows={rows} /> : null}
      </section>

      <ErrorAlert error={weekFigures.error} />
      {team.data && weekFigures.data ? (
        <HuddleBoard rows={rows} week={week} teamId={user.id} weekTotal={weekFigures.data.total} />
      ) : null}
    </div>
  );
}
