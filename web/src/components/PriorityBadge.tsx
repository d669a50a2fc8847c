// A worklist item's or referral's priority; "normal" and "routine" stay plain text.

import { humanize } from '../cycleLabels';

const QUIET = new Set(['normal', 'routine', 'low']);

export function PriorityBadge({ priority }: { priority: string }) {
  if (QUIET.has(priority)) return <span class="muted small">{humanize(priority)}</span>;
  return <span class={`badge badge-priority badge-priority-${priority}`}>{humanize(priority)}</span>;
}
