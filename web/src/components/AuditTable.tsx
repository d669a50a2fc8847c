// One page of audit trail entries for auditors: every field that says who did what to which record,
// when, from where and with what outcome. Refused entries are marked (colour, icon and words).

import { Fragment } from 'preact';
import type { AuditEvent, User } from '../api';
import { auditActionLabel, formatDateTimeSeconds } from '../format';
import { OutcomeBadge } from './OutcomeBadge';
import { StaffName } from './StaffName';

/** Lets a path-like text ("/api/v1/clients/:id") wrap after its slashes instead of mid-word. */
function breakable(text: string) {
  return text.split('/').map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? '/' : null}
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

interface Props {
  items: AuditEvent[];
  users: User[];
}

export function AuditTable({ items, users }: Props) {

  return (
    // Wider than a tablet: the wrapper scrolls sideways, and takes focus so the keyboard can scroll it.
    <div class="table-wrap" tabIndex={0} role="group" aria-label="Audit trail entries, scrollable">
      <table class="audit-table">
        <caption class="visually-hidden">Audit trail entries</caption>
        <thead>
          <tr>
            <th scope="col">
              <abbr title="Sequence number">#</abbr>
            </th>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Outcome</th>
            <th scope="col">Client</th>
            <th scope="col">Resource</th>
            <th scope="col">Detail</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {items.map((event) => (
            <tr key={event.sequence} class={event.outcome === 'refused' ? 'row-refused' : undefined}>
              <td class="mono small">{event.sequence}</td>
              <td class="nowrap">
                <time dateTime={event.at}>{formatDateTimeSeconds(event.at)}</time>
                <div class="muted small mono">{event.at}</div>
              </td>
              <td class="audit-user"><StaffName userId={event.user_id} users={users} /></td>
              <td>
                {auditActionLabel(event)}
                <div class="muted small mono">{event.action}</div>
              </td>
              <td>
                <OutcomeBadge outcome={event.outcome} />
              </td>
              <td class="mono small id">{event.client_id ?? '—'}</td>
              <td class="small">
                <span class="mono">{breakable(event.resource_type)}</span>
                {event.resource_id && event.resource_id !== event.client_id ? (
                  <div class="mono id">{event.resource_id}</div>
                ) : null}
              </td>
              <td class="small">
                {event.detail ? breakable(event.detail) : event.break_glass_reason ? null : '—'}
                {event.break_glass_reason ? (
                  <div>
                    <strong>Break-the-glass reason:</strong> {event.break_glass_reason}
                  </div>
                ) : null}
                {event.request_id ? <div class="muted mono">request {event.request_id}</div> : null}
              </td>
              <td class="mono small">{event.source_address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
