// The periods reports are asked for, as the API writes them ("2026-10", "2026-W43", "2026-Q3",
// "2026-10-01..2026-10-15"), made from the browser's calendar date, and how they read in words.

const pad = (n: number) => String(n).padStart(2, '0');

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-10" for any day of October 2026. */
export function monthPeriod(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The month before the one `today` is in: the last full month, the default of monthly reports. */
export function lastFullMonth(today: Date = new Date()): string {
  return monthPeriod(new Date(today.getFullYear(), today.getMonth() - 1, 1));
}

export function thisMonth(today: Date = new Date()): string {
  return monthPeriod(today);
}

/** The ISO week (Monday to Sunday; week 1 holds the year's first Thursday) of a date: "2026-W43". */
export function isoWeekPeriod(date: Date = new Date()): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

/** The Monday of an ISO week ("2026-W43"), as a UTC date, or null when the label is not a week. */
export function isoWeekMonday(label: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (week - 1) * 7);
  return monday;
}

export interface MonthOption {
  value: string;
  label: string;
}

/** The last `count` months, newest first, starting with the month `today` is in (marked "so far"). */
export function recentMonths(count = 24, today: Date = new Date()): MonthOption[] {
  const options: MonthOption[] = [];
  for (let back = 0; back < count; back += 1) {
    const value = monthPeriod(new Date(today.getFullYear(), today.getMonth() - back, 1));
    options.push({ value, label: back === 0 ? `${periodTitle(value)} (so far)` : periodTitle(value) });
  }
  return options;
}

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A period label in words: "October 2026", "Q3 2026", "Week 43, 2026 (19 Oct – 25 Oct)", "1 Oct 2026 – 15 Oct 2026". */
export function periodTitle(label: string): string {
  let match = /^(\d{4})-(\d{2})$/.exec(label);
  if (match) return `${MONTH_NAMES[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
  match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (match) return `Q${match[2]} ${match[1]}`;
  const monday = isoWeekMonday(label);
  if (monday) {
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    return `Week ${Number(label.slice(6))}, ${label.slice(0, 4)} (${shortDate.format(monday)} – ${shortDate.format(sunday)})`;
  }
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(label);
  if (match) {
    return `${longDate.format(new Date(`${match[1]}T00:00:00Z`))} – ${longDate.format(new Date(`${match[2]}T00:00:00Z`))}`;
  }
  return label;
}

/** A short period label for a chart's axis: "Oct 2026" for a month, the label itself otherwise. */
export function periodAxisLabel(label: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return label;
  return `${(MONTH_NAMES[Number(match[2]) - 1] ?? match[2]).slice(0, 3)} ${match[1]}`;
}
