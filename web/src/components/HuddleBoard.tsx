// The weekly huddle board: for each person on a supervisor's team, this ISO week's new referrals and
// notes on time, and what is overdue now (all items, and the high-risk clients among them). Each
// figure opens what is behind it; "Print" prints the board alone (see the print styles).

import type { FigureSet, MetricName } from '../reportsApi';
import { figureBasis, formatValue } from '../reportLabels';
import { periodTitle } from '../reportPeriods';
import { reportCasesHref, teamWorklistHref } from '../router';
import type { TeamRow } from '../teamRows';

interface Props {
  rows: TeamRow[];
  /** The ISO week ("2026-W47"). */
  week: string;
  teamId: string;
  /** The week's figures for the whole team (the server's, not a sum of the rows). */
  weekTotal: FigureSet | null;
}

const PRINT_CLASS = 'print-huddle';

/** Prints only the huddle board: the page is marked while the print dialog is open. */
function printHuddle() {
  document.body.classList.add(PRINT_CLASS);
  const done = () => {
    document.body.classList.remove(PRINT_CLASS);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function HuddleBoard({ rows, week, teamId, weekTotal }: Props) {
  // The unassigned row only when referrals came in this week that nobody has yet.
  const shown = rows.filter((row) => row.userId !== '' || (row.week.new_referrals_per_week?.numerator ?? 0) > 0);
  const link = (metric: MetricName, row: TeamRow) =>
    reportCasesHref({ metric, period: week, team: teamId, case_manager: row.userId || null, from: 'team' });
  const referrals = (row: TeamRow) => row.week.new_referrals_per_week?.numerator ?? 0;
  const totalReferrals = weekTotal?.new_referrals_per_week?.numerator ?? 0;
  const teamNotes = weekTotal?.notes_on_time;
  const overdue = shown.reduce((sum, row) => sum + row.overdueItems, 0);
  const highRisk = shown.reduce((sum, row) => sum + row.highRiskOverdue, 0);

  return (
    <section class="card huddle" aria-labelledby="huddle-heading">
      <div class="card-heading">
        <div>
          <h2 id="huddle-heading">Weekly huddle</h2>
          <p class="subtitle">{periodTitle(week)}: this week’s figures, and what is overdue now.</p>
        </div>
        <button type="button" class="button-secondary button-small no-print" onClick={printHuddle}>
          Print the huddle sheet
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="muted">No one on your team yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="report-table huddle-table">
            <caption class="visually-hidden">Weekly huddle, {periodTitle(week)}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col" class="numeric">New referrals this week</th>
                <th scope="col" class="numeric">Notes on time this week</th>
                <th scope="col" class="numeric">Overdue items</th>
                <th scope="col" class="numeric">High-risk clients with overdue items</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const notes = row.week.notes_on_time;
                return (
                  <tr key={row.userId} class={row.highRiskOverdue > 0 ? 'row-overdue' : undefined}>
                    <th scope="row">{row.name}</th>
                    <td class="numeric">
                      <a href={link('new_referrals_per_week', row)}
                        aria-label={`${row.name}: ${referrals(row)} new referrals this week`}>
                        {referrals(row)}
                      </a>
                    </td>
                    <td class="numeric">
                      {row.userId && notes && notes.value !== null ? (
                        <a href={link('notes_on_time', row)}
                          aria-label={`${row.name}: notes on time ${formatValue('notes_on_time', notes.value)}, ${figureBasis('notes_on_time', notes)}`}>
                          {formatValue('notes_on_time', notes.value)}
                          <span class="huddle-basis"> ({notes.numerator} of {notes.denominator})</span>
                        </a>
                      ) : (
                        <span class="muted">—</span>
                      )}
                    </td>
                    <td class="numeric">
                      {row.userId ? (
                        <a href={teamWorklistHref(row.userId)} aria-label={`${row.name}: ${row.overdueItems} overdue items`}>
                          {row.overdueItems}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td class="numeric">
                      {row.userId ? (
                        <a href={teamWorklistHref(row.userId)}
                          aria-label={`${row.name}: ${row.highRiskOverdue} high-risk clients with overdue items`}>
                          {row.highRiskOverdue}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Team</th>
                <td class="numeric">
                  <a href={reportCasesHref({ metric: 'new_referrals_per_week', period: week, team: teamId, from: 'team' })}
                    aria-label={`Team: ${totalReferrals} new referrals this week`}>
                    {totalReferrals}
                  </a>
                </td>
                <td class="numeric">
                  {teamNotes && teamNotes.value !== null ? (
                    <a href={reportCasesHref({ metric: 'notes_on_time', period: week, team: teamId, from: 'team' })}
                      aria-label={`Team: notes on time ${formatValue('notes_on_time', teamNotes.value)}, ${figureBasis('notes_on_time', teamNotes)}`}>
                      {formatValue('notes_on_time', teamNotes.value)}
                      <span class="huddle-basis"> ({teamNotes.numerator} of {teamNotes.denominator})</span>
                    </a>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td class="numeric">
                  <a href={teamWorklistHref()} aria-label={`Team: ${overdue} overdue items`}>{overdue}</a>
                </td>
                <td class="numeric">
                  <a href={teamWorklistHref()} aria-label={`Team: ${highRisk} high-risk clients with overdue items`}>
                    {highRisk}
                  </a>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
