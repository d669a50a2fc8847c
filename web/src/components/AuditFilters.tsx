// The audit trail's search form: user, client id, action, time range (entered in local time, sent
// as UTC), sort field and order. Nothing is searched until the user presses Search.

import type { AuditSortField, User } from '../api';
import { AUDIT_SORT_FIELDS } from '../api';
import { AUDIT_ACTION_LABELS, localInputToUtc, ROLE_LABELS } from '../format';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** The form's values as typed: times are `datetime-local` values in the browser's time zone. */
export interface AuditFilterDraft {
  user_id: string;
  client_id: string;
  action: string;
  from: string;
  to: string;
  sort: AuditSortField;
  order: 'asc' | 'desc';
}

const SORT_LABELS: Record<AuditSortField, string> = {
  sequence: 'Sequence (order recorded)',
  at: 'Time',
  user_id: 'User',
  client_id: 'Client id',
  action: 'Action',
  resource_type: 'Resource type',
  outcome: 'Outcome',
};

const ACTION_CODES = Object.keys(AUDIT_ACTION_LABELS).sort();

interface Props {
  draft: AuditFilterDraft;
  users: User[];
  onChange: (draft: AuditFilterDraft) => void;
  onSearch: () => void;
  onClear: () => void;
  /** Messages keyed by filter name (from a local check or the server's `field`). */
  errors: Record<string, string>;
  busy: boolean;
}

/** "Searches from …Z to …Z (UTC)." for the times entered, or null when none is. */
function utcRange(from: string, to: string): string | null {
  const fromUtc = from ? localInputToUtc(from) : null;
  const toUtc = to ? localInputToUtc(to) : null;
  if (fromUtc && toUtc) return `Searches from ${fromUtc} up to ${toUtc} (UTC).`;
  if (fromUtc) return `Searches from ${fromUtc} (UTC) on.`;
  if (toUtc) return `Searches up to ${toUtc} (UTC).`;
  return null;
}

export function AuditFilters({ draft, users, onChange, onSearch, onClear, errors, busy }: Props) {
  const set = <K extends keyof AuditFilterDraft>(key: K) => (value: AuditFilterDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const sortedUsers = [...users].sort((a, b) => a.display_name.localeCompare(b.display_name));
  // An entry may name a user the list no longer has (or not yet): keep the filter selectable.
  const unknownUser = draft.user_id && !users.some((user) => user.id === draft.user_id) ? draft.user_id : null;
  const unknownAction = draft.action && !(draft.action in AUDIT_ACTION_LABELS) ? draft.action : null;
  const range = utcRange(draft.from, draft.to);

  return (
    <form
      class="card audit-filters"
      role="search"
      aria-label="Search the audit trail"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <SelectField id="audit-user" label="User" value={draft.user_id} onChange={set('user_id')}
        error={errors.user_id}
        options={[
          { value: '', label: 'Any user' },
          ...sortedUsers.map((user) => ({
            value: user.id,
            label: `${user.display_name} (${ROLE_LABELS[user.role] ?? user.role}${user.active ? '' : ', inactive'})`,
          })),
          ...(unknownUser ? [{ value: unknownUser, label: unknownUser }] : []),
        ]} />
      <SelectField id="audit-action" label="Action" value={draft.action} onChange={set('action')}
        error={errors.action}
        options={[
          { value: '', label: 'Any action' },
          ...ACTION_CODES.map((code) => ({ value: code, label: `${AUDIT_ACTION_LABELS[code]} (${code})` })),
          ...(unknownAction ? [{ value: unknownAction, label: unknownAction }] : []),
        ]} />
      <TextField id="audit-client" label="Client id" value={draft.client_id} onInput={set('client_id')}
        error={errors.client_id} hint="The exact id (cl_…)." autoComplete="off" inputClass="mono" class="audit-client" />
      <TextField id="audit-from" type="datetime-local" label="From" value={draft.from} onInput={set('from')}
        error={errors.from} hint="Your local time; included." />
      <TextField id="audit-to" type="datetime-local" label="To" value={draft.to} onInput={set('to')}
        error={errors.to} hint="Your local time; not included." />
      <div class="audit-sort">
        <SelectField id="audit-sort" label="Sort by" value={draft.sort}
          onChange={(value) => set('sort')(value as AuditSortField)} error={errors.sort}
          options={AUDIT_SORT_FIELDS.map((field) => ({ value: field, label: SORT_LABELS[field] }))} />
        <SelectField id="audit-order" label="Order" value={draft.order}
          onChange={(value) => set('order')(value === 'asc' ? 'asc' : 'desc')} error={errors.order}
          options={[
            { value: 'desc', label: 'Descending' },
            { value: 'asc', label: 'Ascending' },
          ]} />
      </div>
      {range ? (
        <p class="hint audit-range" aria-live="polite">
          {range}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Search
        </button>
        <button type="button" class="button-secondary" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
