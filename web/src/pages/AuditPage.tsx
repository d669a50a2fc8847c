// The organization's audit trail, for auditors: filters by user, client, action and time range,
// a choice of sort field and order, and pages of entries. The applied filters live in the URL
// (times as UTC), so Back and reload keep them; the form shows times in the browser's time zone.

import { useEffect, useState } from 'preact/hooks';
import type { AuditSearch, AuditSortField } from '../api';
import { ApiError, AUDIT_SORT_FIELDS, listUsers, searchAudit } from '../api';
import type { AuditFilterDraft } from '../components/AuditFilters';
import { AuditFilters } from '../components/AuditFilters';
import { AuditTable } from '../components/AuditTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { localInputToUtc, setTitle, utcToLocalInput } from '../format';
import type { Location } from '../router';
import { href, navigate } from '../router';
import { useResource } from '../useResource';
import { Pager } from '../components/Pager';
import { ResultStatus } from '../components/ResultStatus';

const PAGE_SIZE = 50;
const FILTER_FIELDS = ['user_id', 'client_id', 'action', 'from', 'to', 'sort', 'order'];

/** The filters as the API takes them (times in UTC); every value may be empty. */
interface Applied {
  user_id: string;
  client_id: string;
  action: string;
  from: string;
  to: string;
  sort: AuditSortField;
  order: 'asc' | 'desc';
}

function appliedFrom(location: Location): Applied {
  const get = (name: string) => location.query.get(name) ?? '';
  const sort = get('sort');
  return {
    user_id: get('user_id'),
    client_id: get('client_id'),
    action: get('action'),
    from: get('from'),
    to: get('to'),
    sort: (AUDIT_SORT_FIELDS as readonly string[]).includes(sort) ? (sort as AuditSortField) : 'sequence',
    order: get('order') === 'asc' ? 'asc' : 'desc',
  };
}

function draftFrom(applied: Applied): AuditFilterDraft {
  return { ...applied, from: utcToLocalInput(applied.from), to: utcToLocalInput(applied.to) };
}

export function AuditPage({ location }: { location: Location }) {
  const applied = appliedFrom(location);
  const appliedKey = JSON.stringify(applied);
  const [draft, setDraft] = useState<AuditFilterDraft>(() => draftFrom(applied));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // The cursor of every page up to the current one, for the filters in `key`.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({
    key: appliedKey,
    cursors: [null],
  });
  const cursors = paging.key === appliedKey ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1];
  const setCursors = (next: (string | null)[]) => setPaging({ key: appliedKey, cursors: next });

  useEffect(() => setTitle('Audit trail'), []);

  // Keep the form in step when the URL changes from outside (Back, a link).
  useEffect(() => {
    setDraft(draftFrom(applied));
    setLocalErrors({});
  }, [appliedKey]);

  const users = useResource(() => listUsers(), []);
  const results = useResource(() => {
    const search: AuditSearch = { limit: PAGE_SIZE, cursor, sort: applied.sort, order: applied.order };
    if (applied.user_id) search.user_id = applied.user_id;
    if (applied.client_id) search.client_id = applied.client_id;
    if (applied.action) search.action = applied.action;
    if (applied.from) search.from = applied.from;
    if (applied.to) search.to = applied.to;
    return searchAudit(search);
  }, [appliedKey, cursor]);

  function search() {
    const errors: Record<string, string> = {};
    const from = draft.from ? localInputToUtc(draft.from) : '';
    const to = draft.to ? localInputToUtc(draft.to) : '';
    if (from === null) errors.from = 'Enter a complete date and time.';
    if (to === null) errors.to = 'Enter a complete date and time.';
    if (from && to && from >= to) errors.to = 'Must be later than “From”.';
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      document.getElementById(errors.from ? 'audit-from' : 'audit-to')?.focus();
      return;
    }
    const next: Record<string, string> = {
      user_id: draft.user_id,
      client_id: draft.client_id.trim(),
      action: draft.action,
      from: from ?? '',
      to: to ?? '',
      // Defaults stay out of the URL.
      sort: draft.sort === 'sequence' ? '' : draft.sort,
      order: draft.order === 'desc' ? '' : draft.order,
    };
    const target = href('/audit', next);
    if (target === window.location.hash) {
      // The same search again: show the first page of what is recorded now.
      setCursors([null]);
      results.reload();
    } else {
      navigate(target);
    }
  }

  function clear() {
    setLocalErrors({});
    setDraft(draftFrom(appliedFrom({ path: '/audit', query: new URLSearchParams() })));
    navigate(href('/audit'));
  }

  const error = results.error instanceof ApiError ? results.error : null;
  const serverFieldError =
    error && error.field && FILTER_FIELDS.includes(error.field) ? { [error.field]: error.message } : {};
  const unplacedError = results.error && !(error && error.field && FILTER_FIELDS.includes(error.field)) ? results.error : null;
  const page = results.data;
  const filtered = Boolean(applied.user_id || applied.client_id || applied.action || applied.from || applied.to);

  return (
    <div>
      <div class="page-heading">
        <h1>Audit trail</h1>
        <p class="subtitle">
          Every read of client data, every change, every sign-in and sign-out and every refused access in your
          organization.
        </p>
      </div>

      <AuditFilters draft={draft} users={users.data?.items ?? []} onChange={setDraft} onSearch={search}
        onClear={clear} errors={{ ...serverFieldError, ...localErrors }} busy={results.loading} />

      <ErrorAlert error={unplacedError ?? users.error} />

      <section aria-labelledby="audit-results-heading" class="card">
        <h2 id="audit-results-heading">Entries</h2>
        <ResultStatus loading={results.loading} count={page ? page.items.length : null} filtered={filtered}
          page={cursors.length} singular="entry" plural="entries"
          noneMatch="No entries match these filters." noneYet="No entries recorded yet." />
        {page && page.items.length > 0 ? <AuditTable items={page.items} users={users.data?.items ?? []} /> : null}
        <Pager cursors={cursors} onCursors={setCursors} nextCursor={page?.next_cursor} loading={results.loading} />
      </section>
    </div>
  );
}
