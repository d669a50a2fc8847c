// The client's chart as one timeline: first what is due (the clocks still running, overdue ones
// marked), then every event of the client's care, newest first — referrals, contacts, notes,
// appointments, referrals out, incidents, reviews, discharges and case status changes.

import { humanize, labelOf, RECORD_KIND_LABELS, RULE_LABELS } from '../cycleLabels';
import { formatDateTime } from '../format';
import { getTimeline } from '../timelineApi';
import { useResource } from '../useResource';
import { DueTime } from './DueTime';
import { ErrorAlert } from './ErrorAlert';
import { OverdueBadge } from './OverdueBadge';

interface Props {
  clientId: string;
  /** Changes whenever something on the page was written, to read the chart again. */
  refreshKey: number;
}

export function Timeline({ clientId, refreshKey }: Props) {
  const timeline = useResource(() => getTimeline(clientId), [clientId, refreshKey]);
  const data = timeline.data;

  return (
    <section class="card timeline-card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Chart</h2>
      <ErrorAlert error={timeline.error} />
      {timeline.loading && !data ? <p class="muted" role="status">Loading the chart…</p> : null}
      {data ? (
        <>
          <section aria-labelledby="due-heading" class="timeline-due">
            <h3 id="due-heading">Due</h3>
            {data.due.length === 0 ? (
              <p class="muted">Nothing is due for this client.</p>
            ) : (
              <ul class="plain-list due-list">
                {data.due.map((item) => (
                  <li key={`${item.rule}:${item.record_id}`} class={item.overdue ? 'due-item due-overdue' : 'due-item'}>
                    <div>
                      <strong>{item.title}</strong>
                      {item.title.toLowerCase() !== labelOf(RULE_LABELS, item.rule).toLowerCase() ? (
                        <span class="muted small"> · {labelOf(RULE_LABELS, item.rule)}</span>
                      ) : null}
                    </div>
                    <DueTime dueAt={item.due_at} overdue={item.overdue} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="events-heading">
            <h3 id="events-heading">Events</h3>
            {data.events.length === 0 ? (
              <p class="muted">Nothing recorded yet.</p>
            ) : (
              <ol class="timeline" aria-label="Events, newest first">
                {data.events.map((event) => (
                  <li key={`${event.kind}:${event.id}:${event.at}`} class={`timeline-event timeline-${event.kind}`}>
                    <div class="timeline-meta">
                      <span class="timeline-kind">{labelOf(RECORD_KIND_LABELS, event.kind)}</span>
                      <time dateTime={event.at} class="muted small">
                        {formatDateTime(event.at)}
                      </time>
                    </div>
                    <div class="timeline-title">
                      {event.title}
                      {event.status ? <span class="badge badge-status">{humanize(event.status)}</span> : null}
                      {event.overdue ? <OverdueBadge /> : null}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
