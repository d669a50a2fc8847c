// One row per person of a supervisor's team, joining what the team dashboard shows about each:
// their worklist counts (GET /worklist/team), this month's and this week's report figures (GET
// /reports/figures, by case manager), and their overdue items about high-risk clients.

import type { FigureSet, ReportFigures } from './reportsApi';
import type { TeamWorklist } from './worklistApi';

export interface TeamRow {
  /** "" for work not yet assigned to anyone (referrals in the inbox). */
  userId: string;
  name: string;
  openItems: number;
  overdueItems: number;
  /** Distinct high-risk clients with at least one overdue item of this person's. */
  highRiskOverdue: number;
  month: FigureSet;
  week: FigureSet;
}

export const UNASSIGNED_NAME = 'Not yet assigned';

/**
 * The team's people in the worklist's order, then anyone the figures name who is not on it (a
 * former member's cases, the unassigned referrals).
 */
export function teamRows(
  team: TeamWorklist | null,
  month: ReportFigures | null,
  week: ReportFigures | null,
): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  const row = (userId: string, name: string): TeamRow => {
    let found = rows.get(userId);
    if (!found) {
      found = {
        userId,
        name: name || (userId ? userId : UNASSIGNED_NAME),
        openItems: 0,
        overdueItems: 0,
        highRiskOverdue: 0,
        month: {},
        week: {},
      };
      rows.set(userId, found);
    }
    return found;
  };
  for (const person of team?.people ?? []) {
    const found = row(person.user_id, person.name);
    found.openItems = person.open;
    found.overdueItems = person.overdue;
  }
  const highRisk = new Map<string, Set<string>>();
  for (const item of team?.items ?? []) {
    if (!item.overdue || item.client_risk !== 'high' || !item.client_id) continue;
    const clients = highRisk.get(item.assignee_id) ?? new Set<string>();
    clients.add(item.client_id);
    highRisk.set(item.assignee_id, clients);
  }
  for (const [userId, clients] of highRisk) {
    const found = rows.get(userId);
    if (found) found.highRiskOverdue = clients.size;
  }
  for (const person of month?.by_case_manager ?? []) row(person.user_id ?? '', person.name).month = person.figures;
  for (const person of week?.by_case_manager ?? []) row(person.user_id ?? '', person.name).week = person.figures;
  return [...rows.values()];
}
