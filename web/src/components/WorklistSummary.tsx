// The live line above a worklist: how many items, how many overdue, as of when (or the last
// action's result, or that nothing is due).

import { formatDateTime } from '../format';
import type { Worklist } from '../worklistApi';

interface Props {
  worklist: Worklist | null;
  loading: boolean;
  /** The last action's result ("Done: …"), shown before the counts. */
  message?: string;
}

export function WorklistSummary({ worklist, loading, message }: Props) {
  let text = '';
  if (loading && !worklist) text = 'Loading the worklist…';
  else if (worklist) {
    const total = worklist.items.length;
    const overdue = worklist.items.filter((item) => item.overdue).length;
    text =
      total === 0
        ? 'Nothing is due. New referrals and the clocks of open cases appear here.'
        : `${total} item${total === 1 ? '' : 's'}, ${overdue} overdue, as of ${formatDateTime(worklist.as_of)}.`;
  }
  return (
    <p class="worklist-summary" role="status" aria-live="polite">
      {message ? <strong>{message} </strong> : null}
      {text}
    </p>
  );
}
