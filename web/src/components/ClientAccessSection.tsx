// "Access to this client": who opened, changed or was refused this client's record, newest first
// (GET /clients/{id}/access). Closed by default and loaded only when first opened: reading the
// list is itself recorded in the audit trail, so it is not fetched for every page view.

import { useState } from 'preact/hooks';
import type { User } from '../api';
import { listClientAccess, listUsers } from '../api';
import { auditActionLabel, formatDateTimeSeconds } from '../format';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';
import { OutcomeBadge } from './OutcomeBadge';
import { StaffName } from './StaffName';

export function ClientAccessSection({ clientId }: { clientId: string }) {
  const [opened, setOpened] = useState(false);
  const access = useResource(() => (opened ? listClientAccess(clientId) : Promise.resolve(null)), [clientId, opened]);
  const users = useResource(() => (opened ? listUsers() : Promise.resolve(null)), [opened]);

  const userList: User[] = users.data?.items ?? [];
  const items = access.data?.items ?? [];
  const refusedCount = items.filter((event) => event.outcome === 'refused').length;


  return (
    <section class="card access-card" aria-labelledby="access-heading">
      <details
        class="access-details"
        onToggle={(event) => {
          if ((event.currentTarget as HTMLDetailsElement).open) setOpened(true);
        }}
      >
        <summary>
          <h2 id="access-heading">Access to this client</h2>
          <span class="muted small summary-hint">Who opened, changed or was refused this record</span>
        </summary>
        <div class="access-body">
          <div class="card-heading">
            <p class="muted small access-intro">
              The newest entries of the audit trail about this client, newest first. Opening this list is recorded
              too.
            </p>
            <button type="button" class="button-secondary" onClick={access.reload} disabled={access.loading}>
              Refresh
            </button>
          </div>
          <ErrorAlert error={access.error} />
          <p class="muted" role="status" aria-live="polite">
            {access.loading
              ? 'Loading access history…'
              : access.data
                ? items.length === 0
                  ? 'No access recorded yet.'
                  : `${items.length} entr${items.length === 1 ? 'y' : 'ies'}${
                      refusedCount ? `, ${refusedCount} refused` : ''
                    }.`
                : ''}
          </p>
          {items.length > 0 ? (
            <div class="table-wrap">
              <table class="access-table">
                <caption class="visually-hidden">Access to this client, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Source address</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((event) => (
                    <tr key={event.sequence} class={event.outcome === 'refused' ? 'row-refused' : undefined}>
                      <td>
                        <time dateTime={event.at} title={event.at}>
                          {formatDateTimeSeconds(event.at)}
                        </time>
                      </td>
                      <td><StaffName userId={event.user_id} users={userList} /></td>
                      <td>{auditActionLabel(event)}</td>
                      <td>
                        <OutcomeBadge outcome={event.outcome} />
                      </td>
                      <td class="mono small">{event.source_address ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      </details>
    </section>
  );
}
