// Reports and dashboards (docs/api.md, "Reports and dashboards"): the figures of a scope (program,
// team, case manager) over a period, their trend, the cases behind each figure, and the exports.

import { query, request } from './api';

export type MetricName =
  | 'caseload'
  | 'acuity_weighted_caseload'
  | 'new_referrals_per_week'
  | 'time_to_service_median'
  | 'time_to_service_p90'
  | 'first_contact_on_time'
  | 'referral_follow_ups_on_time'
  | 'notes_on_time'
  | 'incidents_on_time'
  | 'plan_reviews_on_time'
  | 'goal_completion'
  | 'readmissions_30_day'
  | 'discharges'
  | 'no_show_rate'
  | 'satisfaction'
  | 'services_per_case'
  | 'cost_per_case'
  | 'audit_readiness';

/** What a metric is and how it reads (GET /reports/metrics). */
export interface MetricInfo {
  name: MetricName;
  label: string;
  /** "%", "hours", "cases", "points", "per week", "1-5", "dollars", "services", "discharges". */
  unit: string;
  /** How its observations combine: a rate, a mean, a count, a median, ... */
  kind: string;
  higher_is_better: boolean;
}

export interface ReportDefinition {
  name: string;
  label: string;
  metrics: MetricName[];
}

export interface ReportCatalogue {
  metrics: MetricInfo[];
  reports: ReportDefinition[];
}

/**
 * One figure and what it was made of: for a rate, how many met of how many due; for a mean, the
 * sum over how many. `value` is null when nothing was observed (no rate without events).
 */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
}

export type FigureSet = Partial<Record<MetricName, Figure>>;

export type PeriodKind = 'week' | 'month' | 'quarter' | 'custom';

export interface ReportPeriod {
  label: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

/** Whose work a report covers; the fields combine with AND (all optional). */
export interface ReportScope {
  program?: string | null;
  /** A supervisor's user id: that supervisor and the staff they supervise. */
  team?: string | null;
  case_manager?: string | null;
}

export interface CaseManagerFigures {
  /** Null for work not yet assigned to anyone (its name is then "Unassigned"). */
  user_id: string | null;
  name: string;
  figures: FigureSet;
}

export interface ReportFigures {
  period: ReportPeriod;
  scope: { program: string | null; team: string | null; case_manager: string | null };
  total: FigureSet;
  by_case_manager: CaseManagerFigures[];
  discharges_by_destination: Record<string, number>;
}

export interface TrendPeriod {
  label: string;
  from: string;
  to: string;
  total: FigureSet;
}

export interface ReportTrend {
  periods: TrendPeriod[];
}

/**
 * One case behind a figure (or a referral not yet assigned, without a case id). `client_id` and
 * `client_name` are null (and `withheld` true) when the caller may not open the client.
 */
export interface ReportCase {
  case_id: string | null;
  referral_id: string | null;
  client_id: string | null;
  client_name: string | null;
  program_id: string;
  program_name?: string | null;
  case_manager_id: string | null;
  case_manager_name: string | null;
  value: number;
  weight: number;
  detail: string | null;
  withheld: boolean;
}

export interface ReportCases {
  metric: MetricName;
  period?: ReportPeriod;
  cases: ReportCase[];
  /** Consent-restricted cases the caller is not named for: counted, never listed. */
  not_listed: number;
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

function scopeParams(scope: ReportScope): Record<string, string | null | undefined> {
  return { program: scope.program, team: scope.team, case_manager: scope.case_manager };
}

export function getReportCatalogue(): Promise<ReportCatalogue> {
  return request<ReportCatalogue>('/reports/metrics');
}

/** `period`: "2026-10" (month), "2026-Q3", "2026-W43" or "2026-10-01..2026-10-15". */
export function getFigures(period: string, scope: ReportScope = {}): Promise<ReportFigures> {
  return request<ReportFigures>(`/reports/figures${query({ period, ...scopeParams(scope) })}`);
}

/** The `count` periods of the same kind ending with `period`, oldest first. */
export function getTrend(
  period: string,
  metrics: readonly MetricName[],
  scope: ReportScope = {},
  count = 12,
): Promise<ReportTrend> {
  return request<ReportTrend>(
    `/reports/trend${query({ period, count, metrics: metrics.join(','), ...scopeParams(scope) })}`,
  );
}

export function getReportCases(
  metric: MetricName,
  period: string,
  scope: ReportScope = {},
  missedOnly = false,
): Promise<ReportCases> {
  return request<ReportCases>(
    `/reports/cases${query({ metric, period, missed: missedOnly ? 'true' : null, ...scopeParams(scope) })}`,
  );
}

/**
 * The address of a report's download. A plain link: the browser sends the session cookie with the
 * GET, and the server answers it as an attachment.
 */
export function exportUrl(report: string, format: ExportFormat, period: string, scope: ReportScope = {}): string {
  return `/api/v1/reports/export${query({ report, format, period, ...scopeParams(scope) })}`;
}
