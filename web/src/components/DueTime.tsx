// When something is due: the time in the browser's zone, how far away it is, and the overdue badge.

import { dueRelative } from '../cycleLabels';
import { formatDateTime } from '../format';
import { OverdueBadge } from './OverdueBadge';

interface Props {
  dueAt: string;
  overdue: boolean;
  /** The time the server judged `overdue` at (the answer's `as_of`); defaults to now. */
  asOf?: string;
}

export function DueTime({ dueAt, overdue, asOf }: Props) {
  const relative = dueRelative(dueAt, asOf ? new Date(asOf) : new Date());
  return (
    <span class="due">
      <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
      {overdue ? <OverdueBadge /> : null}
      {relative ? <span class="muted small due-relative">{relative}</span> : null}
    </span>
  );
}
