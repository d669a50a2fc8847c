// The report metrics in words (docs/api.md, "Reports and dashboards"): each one's label, unit and
// what its numerator and denominator count, and how a figure reads ("50 %", "1 of 2 notes").

import { DESTINATION_LABELS } from './cycleLabels';
import type { DischargeDestination } from './dischargeApi';
import { formatDollars } from './format';
import type { Figure, MetricName } from './reportsApi';

export type MetricUnit = '%' | 'hours' | 'cases' | 'points' | 'per week' | 'discharges' | '1-5' | 'services' | 'dollars';

/** How a figure is made from its observations, and so how its numerator and denominator read. */
export type MetricKind = 'count' | 'sum' | 'rate' | 'mean' | 'median' | 'percentile' | 'per_week' | 'per_case';

export interface MetricDefinition {
  label: string;
  unit: MetricUnit;
  kind: MetricKind;
  higherIsBetter: boolean;
  /** What one observation is, singular and plural ("note", "notes"). */
  noun: [string, string];
  /** What the figure means, for a hint under it. */
  description: string;
}

export const METRICS: Record<MetricName, MetricDefinition> = {
  caseload: {
    label: 'Open cases',
    unit: 'cases',
    kind: 'count',
    higherIsBetter: false,
    noun: ['case', 'cases'],
    description: 'Cases open at the end of the period.',
  },
  acuity_weighted_caseload: {
    label: 'Acuity-weighted caseload',
    unit: 'points',
    kind: 'sum',
    higherIsBetter: false,
    noun: ['case', 'cases'],
    description: 'Open cases weighted by the client’s risk: none or low 1, moderate 2, high 3.',
  },
  new_referrals_per_week: {
    label: 'New referrals per week',
    unit: 'per week',
    kind: 'per_week',
    higherIsBetter: false,
    noun: ['referral', 'referrals'],
    description: 'Referrals received in the period, per week.',
  },
  time_to_service_median: {
    label: 'Time to first contact (median)',
    unit: 'hours',
    kind: 'median',
    higherIsBetter: false,
    noun: ['referral contacted', 'referrals contacted'],
    description: 'Hours from the referral to the first contact, for referrals received in the period.',
  },
  time_to_service_p90: {
    label: 'Time to first contact (90th percentile)',
    unit: 'hours',
    kind: 'percentile',
    higherIsBetter: false,
    noun: ['referral contacted', 'referrals contacted'],
    description: 'Nine in ten first contacts came within this many hours of the referral.',
  },
  first_contact_on_time: {
    label: 'First contacts on time',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['referral', 'referrals'],
    description: 'Referrals contacted within the program’s first-contact hours (72 h by default).',
  },
  referral_follow_ups_on_time: {
    label: 'Referral follow-ups on time',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['referral out', 'referrals out'],
    description: 'Referrals out followed up or answered within the program’s hours (48 h by default).',
  },
  notes_on_time: {
    label: 'Notes on time',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['note', 'notes'],
    description: 'Notes signed within the program’s note hours (24 h by default) of the contact.',
  },
  incidents_on_time: {
    label: 'Incidents documented on time',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['incident', 'incidents'],
    description: 'Incidents documented within the program’s incident hours (4 h by default).',
  },
  plan_reviews_on_time: {
    label: 'Plan reviews on time',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['review due', 'reviews due'],
    description: 'Care plan reviews falling due in the period that were done by then.',
  },
  goal_completion: {
    label: 'Goals achieved',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['goal due', 'goals due'],
    description: 'Care plan goals due in the period whose status is achieved.',
  },
  readmissions_30_day: {
    label: '30-day readmissions',
    unit: '%',
    kind: 'rate',
    higherIsBetter: false,
    noun: ['discharge', 'discharges'],
    description: 'Discharges in the period followed by a readmission within 30 days.',
  },
  discharges: {
    label: 'Discharges',
    unit: 'discharges',
    kind: 'count',
    higherIsBetter: true,
    noun: ['discharge', 'discharges'],
    description: 'Discharges in the period.',
  },
  no_show_rate: {
    label: 'No-shows',
    unit: '%',
    kind: 'rate',
    higherIsBetter: false,
    noun: ['visit', 'visits'],
    description: 'Visits in the period that ended as a no-show, of those attended or missed.',
  },
  satisfaction: {
    label: 'Satisfaction after discharge',
    unit: '1-5',
    kind: 'mean',
    higherIsBetter: true,
    noun: ['check-in', 'check-ins'],
    description: 'Mean satisfaction (1 to 5) of the post-discharge check-ins in the period.',
  },
  services_per_case: {
    label: 'Services per case',
    unit: 'services',
    kind: 'per_case',
    higherIsBetter: true,
    noun: ['service', 'services'],
    description: 'Attended visits and completed referrals out, per case they served.',
  },
  cost_per_case: {
    label: 'Cost per case',
    unit: 'dollars',
    kind: 'per_case',
    higherIsBetter: false,
    noun: ['case served', 'cases served'],
    description: 'The cost recorded on those visits and referrals out, per case served.',
  },
  audit_readiness: {
    label: 'Audit readiness',
    unit: '%',
    kind: 'rate',
    higherIsBetter: true,
    noun: ['check', 'checks'],
    description: 'Documentation checks passed by the open cases: plan, measurable goals, agreement, notes, reviews.',
  },
};

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** Rates and audit readiness: the figures whose observations can miss (the drill-down's "missed only"). */
export function canMiss(metric: MetricName): boolean {
  return METRICS[metric].kind === 'rate';
}

/**
 * Whether one case's observation counts against its rate (the server's rule for "missed only"):
 * something not met where higher is better (a late note), something that happened where lower is
 * better (a no-show, a readmission).
 */
export function observationMissed(metric: MetricName, value: number, weight: number): boolean {
  if (!canMiss(metric)) return false;
  return METRICS[metric].higherIsBetter ? value < weight : value > 0;
}

export function isMetricName(name: string | null): name is MetricName {
  return name !== null && Object.prototype.hasOwnProperty.call(METRICS, name);
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/**
 * A number of a metric's unit, with the unit: "50%", "30.5 h", "10 min", "$120.00", "4.2 of 5", "1.6 a
 * week"; `compact` leaves out the words (for a table whose column heading says them).
 */
export function formatValue(metric: MetricName, value: number | null | undefined, compact = false): string {
  if (value === null || value === undefined) return '—';
  const unit = METRICS[metric].unit;
  switch (unit) {
    case '%':
      return `${oneDecimal.format(value)}%`;
    case 'hours':
      // Under an hour reads better in minutes ("10 min", not "0.2 h").
      return value < 1 ? `${Math.round(value * 60)} min` : `${oneDecimal.format(value)} h`;
    case 'dollars':
      return formatDollars(value);
    case '1-5':
      return compact ? oneDecimal.format(value) : `${oneDecimal.format(value)} of 5`;
    case 'per week':
      return compact ? oneDecimal.format(value) : `${oneDecimal.format(value)} a week`;
    default:
      return oneDecimal.format(value);
  }
}

/** What the numerator of a rate counts, after "1 of 2 notes". */
const MET_WORDS: Partial<Record<MetricName, string>> = {
  first_contact_on_time: 'on time',
  referral_follow_ups_on_time: 'on time',
  notes_on_time: 'on time',
  incidents_on_time: 'on time',
  plan_reviews_on_time: 'on time',
  goal_completion: 'achieved',
  readmissions_30_day: 'readmitted',
  no_show_rate: 'missed',
  audit_readiness: 'passed',
};

const count = (n: number, noun: [string, string]) => `${oneDecimal.format(n)} ${n === 1 ? noun[0] : noun[1]}`;

/**
 * What a figure was made of, in words: "1 of 2 notes on time", "from 3 check-ins", "5 services for 2
 * cases". Null when there is nothing to add (a count is its own basis).
 */
export function figureBasis(metric: MetricName, figure: Figure | undefined): string | null {
  if (!figure) return null;
  const { kind, noun } = METRICS[metric];
  const { numerator, denominator } = figure;
  switch (kind) {
    case 'rate':
      if (denominator === 0) return `no ${noun[1]}`;
      return `${oneDecimal.format(numerator)} of ${count(denominator, noun)} ${MET_WORDS[metric] ?? 'met'}`;
    case 'mean':
    case 'median':
    case 'percentile':
      return denominator > 0 ? `from ${count(denominator, noun)}` : `no ${noun[1]}`;
    case 'per_week':
      return count(numerator, noun);
    case 'per_case':
      if (denominator === 0) return 'no services';
      return metric === 'cost_per_case'
        ? `${formatDollars(numerator)} for ${count(denominator, METRICS.cost_per_case.noun)}`
        : `${count(numerator, noun)} for ${count(denominator, ['case', 'cases'])}`;
    default:
      return null;
  }
}

/** One drill-down row's value: "1 of 2 on time" for a rate's case, the value with its unit otherwise. */
export function caseValue(metric: MetricName, value: number, weight: number): string {
  const { kind, noun } = METRICS[metric];
  if (kind === 'rate') return `${oneDecimal.format(value)} of ${count(weight, noun)} ${MET_WORDS[metric] ?? 'met'}`;
  if (kind === 'count') return count(weight, noun);
  if (kind === 'per_week') return count(weight, noun);
  return formatValue(metric, value);
}

/** A discharge destination in words (unknown ones with their underscores as spaces). */
export function destinationLabel(destination: string): string {
  const known = DESTINATION_LABELS[destination as DischargeDestination];
  if (known) return known;
  const words = destination.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
