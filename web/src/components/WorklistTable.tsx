// The rows of a worklist, in the order the server gave (overdue first, then the client's risk, then
// the due time): when it is due, for which client, what is owed (the clock rule, or "Task" for a
// task made by hand) and where to do it. Tasks made by hand are marked done from here; a rule's
// item clears itself when the record that satisfies it is written.

import { RULE_LABELS, labelOf } from '../cycleLabels';
import { clientHref, referralHref } from '../router';
import type { WorklistItem } from '../worklistApi';
import { DueTime } from './DueTime';
import { PriorityBadge } from './PriorityBadge';
import { RiskBadge } from './RiskBadge';

interface Props {
  items: WorklistItem[];
  asOf?: string;
  caption: string;
  /** Adds the "Assigned to" column (team view). */
  showAssignee?: boolean;
  /** Offered on tasks made by hand; absent when this user may not complete them here. */
  onComplete?: (item: WorklistItem) => void;
  /** The task being completed, to show its button busy. */
  completing?: string | null;
}

/** A stable key: a task's id, else the clock's rule and record. */
export function worklistKey(item: WorklistItem): string {
  return item.task_id ?? `${item.rule}:${item.record_id}`;
}

function ItemAction({ item, onComplete, completing }: Pick<Props, 'onComplete' | 'completing'> & { item: WorklistItem }) {
  // Only tasks made by hand are marked done here. A task a rule raised (e.g. the urgent safety-plan
  // review after an assessment) names its source record and closes itself when that work is done;
  // the worklist sends `rule: null` for it, so `record_id` is what tells the two apart.
  if (item.kind === 'task' && item.rule === null && item.record_id === null && item.task_id) {
    if (!onComplete) return null;
    return (
      <button
        type="button"
        class="button-secondary button-small"
        disabled={completing === item.task_id}
        onClick={() => onComplete(item)}
        aria-label={`Mark “${item.title}” done`}
      >
        {completing === item.task_id ? 'Saving…' : 'Mark done'}
      </button>
    );
  }
  if (item.rule === 'first_contact' && item.record_id) {
    return <a href={referralHref(item.record_id)}>Record first contact</a>;
  }
  if (item.client_id) return <a href={clientHref(item.client_id)}>Open chart</a>;
  return null;
}

export function WorklistTable({ items, asOf, caption, showAssignee, onComplete, completing }: Props) {
  return (
    <div class="table-wrap">
      <table class="worklist-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Client</th>
            <th scope="col">What is owed</th>
            {showAssignee ? <th scope="col">Assigned to</th> : null}
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={worklistKey(item)} class={item.overdue ? 'row-overdue' : undefined}>
              <td class="worklist-due">
                <DueTime dueAt={item.due_at} overdue={item.overdue} asOf={asOf} />
              </td>
              <td>
                {item.client_id ? (
                  <a href={clientHref(item.client_id)}>{item.client_name ?? 'Client'}</a>
                ) : (
                  <span class="muted">No client</span>
                )}
                {item.client_risk && item.client_risk !== 'none' ? (
                  <div>
                    <RiskBadge level={item.client_risk} />
                  </div>
                ) : null}
              </td>
              <th scope="row" class="worklist-what">
                {item.title}
                <div class="worklist-kind">
                  <span class="muted small">{item.rule ? labelOf(RULE_LABELS, item.rule) : 'Task'}</span>
                  <span class="visually-hidden">, priority </span>
                  <PriorityBadge priority={item.priority} />
                </div>
              </th>
              {showAssignee ? <td>{item.assignee_name}</td> : null}
              <td class="worklist-action">
                <ItemAction item={item} onComplete={onComplete} completing={completing} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
