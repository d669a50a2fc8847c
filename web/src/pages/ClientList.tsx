// Client list and search: name ("family, given"), birth date and identifier filters, searched as
// the user types (debounced); the filters live in the URL so Back and reload keep them. Search
// covers the whole organization: clients the user may not open are listed without a link and
// marked "Not on your caseload".

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientSearch } from '../api';
import { ApiError, searchClients } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NOT_ON_CASELOAD_EXPLANATION, NotOnCaseloadBadge } from '../components/NotOnCaseloadBadge';
import { TextField } from '../components/TextField';
import { ageOn, setTitle } from '../format';
import type { Location } from '../router';
import { clientHref, currentLocation, href, navigate } from '../router';
import { useResource } from '../useResource';
import { Pager } from '../components/Pager';
import { ResultStatus } from '../components/ResultStatus';

const DEBOUNCE_MS = 300;
const PAGE_SIZE = 25;

interface Filters {
  q: string;
  birth_date: string;
  identifier: string;
}

function filtersFrom(location: Location): Filters {
  return {
    q: location.query.get('q') ?? '',
    birth_date: location.query.get('birth_date') ?? '',
    identifier: location.query.get('identifier') ?? '',
  };
}

/** "mrn:a1" → "MRN:a1"; null when the text is not TYPE:VALUE. */
function normalizeIdentifier(text: string): string | null {
  const match = /^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$/.exec(text);
  return match ? `${match[1].toUpperCase()}:${match[2]}` : null;
}

export function ClientList({ location, canCreate }: { location: Location; canCreate: boolean }) {
  const applied = filtersFrom(location);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = `${applied.q}\u0000${applied.birth_date}\u0000${applied.identifier}`;
  // The cursor of every page up to the current one (so "Previous page" can step back), for the
  // filters in `key`; other filters start again at the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({
    key: appliedKey,
    cursors: [null],
  });
  const cursors = paging.key === appliedKey ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1];
  const setCursors = (next: (string | null)[]) => setPaging({ key: appliedKey, cursors: next });
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => setTitle('Clients'), []);

  // Keep the inputs in step when the URL changes from outside (Back, a link).
  useEffect(() => setDraft(applied), [appliedKey]);

  const identifierValid = applied.identifier === '' || normalizeIdentifier(applied.identifier) !== null;
  const draftIdentifierError =
    draft.identifier !== '' && normalizeIdentifier(draft.identifier) === null
      ? 'Use TYPE:VALUE, for example MRN:A1234.'
      : null;

  const results = useResource(() => {
    if (!identifierValid) return Promise.resolve(null);
    const search: ClientSearch = { limit: PAGE_SIZE, cursor };
    if (applied.q.trim()) search.q = applied.q.trim();
    if (applied.birth_date) search.birth_date = applied.birth_date;
    if (applied.identifier) search.identifier = normalizeIdentifier(applied.identifier) ?? undefined;
    return searchClients(search);
  }, [appliedKey, cursor]);

  function update(patch: Partial<Filters>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => apply(next), DEBOUNCE_MS);
  }

  function apply(filters: Filters) {
    window.clearTimeout(timer.current);
    // The user may have left the list while the timer ran (a link clicked right after typing).
    if (currentLocation().path !== '/clients') return;
    navigate(href('/clients', { ...filters }), { replace: true });
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const error = results.error instanceof ApiError ? results.error : null;
  const fieldError = (field: keyof Filters) => (error && error.field === field ? error.message : null);
  const unplacedError =
    results.error && !(error && error.field && ['q', 'birth_date', 'identifier'].includes(error.field))
      ? results.error
      : null;

  const page = results.data;
  const anyRestricted = Boolean(page?.items.some((client) => client.can_open === false));
  const filtered = Boolean(applied.q || applied.birth_date || applied.identifier);

  return (
    <div>
      <div class="page-heading with-action">
        <h1>Clients</h1>
        {canCreate ? (
          <a class="button" href={href('/clients/new')}>
            New client
          </a>
        ) : null}
      </div>

      <form
        class="card search-form"
        role="search"
        aria-label="Search clients"
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <TextField id="search-q" type="search" label="Name" value={draft.q}
          onInput={(q) => update({ q })} hint='Start of the family or given name, or "family, given".'
          error={fieldError('q')} autoComplete="off" class="grow" />
        <TextField id="search-birth-date" type="date" label="Birth date" value={draft.birth_date}
          onInput={(birth_date) => update({ birth_date })} hint="Exact date of birth."
          error={fieldError('birth_date')} />
        <TextField id="search-identifier" label="Identifier" value={draft.identifier}
          onInput={(identifier) => update({ identifier })} hint="TYPE:VALUE, e.g. MRN:A1234"
          error={draftIdentifierError ?? fieldError('identifier')} autoComplete="off" />
        <div class="actions">
          <button type="submit">Search</button>
          {filtered ? (
            <button type="button" class="button-secondary"
              onClick={() => apply({ q: '', birth_date: '', identifier: '' })}>
              Clear
            </button>
          ) : null}
        </div>
      </form>

      <ErrorAlert error={unplacedError} />

      <section aria-labelledby="results-heading" class="card">
        <h2 id="results-heading" class="visually-hidden">
          Results
        </h2>
        <ResultStatus loading={results.loading} count={page ? page.items.length : null} filtered={filtered}
          page={cursors.length} singular="client" plural="clients"
          noneMatch="No clients match this search." noneYet="No clients registered yet." />
        {page && (page.withheld ?? 0) > 0 ? (
          <p class="notice" role="note">
            {page.withheld === 1 ? 'One matching record is' : `${page.withheld} matching records are`} withheld:
            restricted by the client's consent, which does not name you.
          </p>
        ) : null}
        {page && page.items.length > 0 ? (
          <div class="table-wrap">
            <table class="clients-table">
              <caption class="visually-hidden">Clients</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Preferred name</th>
                  <th scope="col">Birth date</th>
                  <th scope="col">Age</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((client) => (
                  <tr key={client.id} class={client.can_open === false ? 'row-restricted' : undefined}>
                    <th scope="row">
                      {client.can_open === false ? (
                        <>
                          <span class="restricted-name">
                            {client.family_name}, {client.given_name}
                          </span>{' '}
                          <NotOnCaseloadBadge />
                        </>
                      ) : (
                        <a href={clientHref(client.id)}>
                          {client.family_name}, {client.given_name}
                        </a>
                      )}
                    </th>
                    <td>{client.preferred_name ?? '—'}</td>
                    <td>{client.birth_date}</td>
                    <td>{ageOn(client.birth_date) ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {anyRestricted ? <p class="muted small restricted-note">{NOT_ON_CASELOAD_EXPLANATION}</p> : null}
        {page && page.items.length === 0 ? (
          <p>
            <a href={href('/clients/new')}>Register a new client</a>
          </p>
        ) : null}
        <Pager cursors={cursors} onCursors={setCursors} nextCursor={page?.next_cursor} loading={results.loading} />
      </section>
    </div>
  );
}
