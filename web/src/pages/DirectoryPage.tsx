// The resource directory: search services by need, language, payer and distance, optionally for a
// client (picked here, or from a need on the client's care plan: `#/directory?client=…&need=…`).
// For a client the results are ranked for them — those they may use first, then their language,
// open capacity, nearest, shortest wait — with the unmet criteria in words, and each result can be
// checked for medical necessity and coverage. Administrators add and edit listings, export them
// as CSV and import a CSV. The filters live in the URL, so Back and reload keep them.

import { useEffect, useState } from 'preact/hooks';
import type { ClientSummary, User } from '../api';
import { ApiError, getClient } from '../api';
import { hasClinicalAccess } from '../access';
import { ClientPicker } from '../components/ClientPicker';
import { DirectoryImportForm } from '../components/DirectoryImportForm';
import { ErrorAlert } from '../components/ErrorAlert';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { ServiceListingForm } from '../components/ServiceListingForm';
import { ServiceResultCard } from '../components/ServiceResultCard';
import { TextField } from '../components/TextField';
import { needCategoryLabel } from '../carePlanLabels';
import { PAYER_LABELS } from '../coverageLabels';
import type { DirectorySearch } from '../directoryApi';
import { DIRECTORY_CSV_URL, KNOWN_NEEDS, PAYER_KINDS, searchDirectory } from '../directoryApi';
import { clientName, setTitle } from '../format';
import type { Location } from '../router';
import { clientHref, href, navigate } from '../router';
import { useResource } from '../useResource';

interface Props {
  location: Location;
  user: User;
}

interface Filters {
  need: string;
  language: string;
  payer: string;
  within: string;
  client: string;
}

const FILTER_FIELDS: Record<string, keyof Filters> = {
  need: 'need',
  language: 'language',
  payer: 'payer',
  within_km: 'within',
  client_id: 'client',
};

function filtersFrom(location: Location): Filters {
  const get = (name: string) => location.query.get(name) ?? '';
  return { need: get('need'), language: get('language'), payer: get('payer'), within: get('within'), client: get('client') };
}

function summaryOf(client: { id: string; given_name: string; family_name: string; preferred_name: string | null; birth_date: string }): ClientSummary {
  return { ...client, can_open: true };
}

export function DirectoryPage({ location, user }: Props) {
  const applied = filtersFrom(location);
  const appliedKey = JSON.stringify(applied);
  const clinical = hasClinicalAccess(user.role);
  const admin = user.role === 'administrator';
  const [draft, setDraft] = useState<Omit<Filters, 'client'>>(applied);
  const [picked, setPicked] = useState<ClientSummary | null>(null);
  const [localError, setLocalError] = useState<{ field: keyof Filters; message: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => setTitle('Resource directory'), []);
  useEffect(() => setDraft(applied), [appliedKey]);

  // The client named in the URL (from the chart's "Find services"), for the picker and the headings.
  const clientRecord = useResource(
    () => (applied.client && clinical ? getClient(applied.client) : Promise.resolve(null)),
    [applied.client, clinical],
  );
  useEffect(() => {
    if (clientRecord.data && clientRecord.data.id === applied.client) setPicked(summaryOf(clientRecord.data));
    else if (!applied.client) setPicked(null);
  }, [clientRecord.data, applied.client]);

  const results = useResource(() => {
    const search: DirectorySearch = {};
    if (applied.need.trim()) search.need = applied.need.trim().toLowerCase();
    if (applied.language.trim()) search.language = applied.language.trim();
    if (applied.payer) search.payer = applied.payer;
    if (applied.within.trim()) search.within_km = applied.within.trim();
    if (applied.client) search.client_id = applied.client;
    return searchDirectory(search);
  }, [appliedKey]);

  function apply(event: Event) {
    event.preventDefault();
    if (draft.within.trim() && !picked) {
      setLocalError({ field: 'within', message: 'Choose a client: distances are measured from where the client lives.' });
      return;
    }
    if (draft.within.trim() && !(Number(draft.within) > 0)) {
      setLocalError({ field: 'within', message: 'Enter a distance in kilometres above 0.' });
      return;
    }
    setLocalError(null);
    navigate(href('/directory', { ...draft, client: picked?.id ?? '' }));
  }

  function clear() {
    setLocalError(null);
    setPicked(null);
    navigate(href('/directory'));
  }

  const error = results.error instanceof ApiError ? results.error : null;
  const placed = error?.field ? FILTER_FIELDS[error.field] : undefined;
  const fieldError = (field: keyof Filters) =>
    localError?.field === field ? localError.message : placed === field ? error?.message ?? null : null;
  const items = results.data?.items ?? [];
  const forClient = applied.client && picked?.id === applied.client ? picked : null;
  const forClientName = forClient ? clientName(forClient) : null;
  const filtered = Object.values(applied).some(Boolean);

  let status = '';
  if (results.loading) status = 'Searching…';
  else if (results.data) {
    status =
      items.length === 0
        ? filtered
          ? 'No service matches this search.'
          : 'The directory has no listings yet.'
        : `${items.length} ${items.length === 1 ? 'service' : 'services'}${
            forClientName ? `, ranked for ${forClientName}: those the client may use first` : ''
          }.`;
  }

  return (
    <div class="directory-page">
      <div class="page-heading with-action">
        <div>
          <h1>Resource directory</h1>
          <p class="subtitle">Providers and community services, by the needs they meet.</p>
        </div>
        {admin ? (
          <div class="actions">
            {!adding ? (
              <button type="button" onClick={() => setAdding(true)}>
                Add listing
              </button>
            ) : null}
            <a class="button button-secondary" href={DIRECTORY_CSV_URL} download="directory.csv">
              Export CSV
            </a>
          </div>
        ) : null}
      </div>

      {admin ? (
        <section class="card directory-admin" aria-label="Manage listings">
          {adding ? (
            <ServiceListingForm onCancel={() => setAdding(false)}
              onDone={(service) => {
                setAdding(false);
                setNotice(`Listing added: ${service.name}.`);
                results.reload();
              }} />
          ) : null}
          <DirectoryImportForm onImported={() => results.reload()} />
        </section>
      ) : null}

      <form class="card directory-search" role="search" aria-label="Search the directory" onSubmit={apply} noValidate>
        <datalist id="directory-needs">
          {KNOWN_NEEDS.map((need) => (
            <option key={need} value={need}>
              {needCategoryLabel(need)}
            </option>
          ))}
        </datalist>
        {clinical ? (
          <div class="directory-client">
            <ClientPicker id="directory-client" label="For client (optional)" value={picked}
              error={fieldError('client')}
              onChange={(client) => {
                setPicked(client);
                setLocalError(null);
              }} />
            {applied.client && clientRecord.error ? <ErrorAlert error={clientRecord.error} /> : null}
          </div>
        ) : null}
        <div class="directory-filters">
          <TextField id="directory-need" type="search" label="Need" value={draft.need} list="directory-needs"
            hint="Such as food or housing." onInput={(need) => setDraft({ ...draft, need })}
            error={fieldError('need')} autoComplete="off" />
          <TextField id="directory-language" label="Language" value={draft.language}
            hint="A language tag, such as es." onInput={(language) => setDraft({ ...draft, language })}
            error={fieldError('language')} autoComplete="off" />
          <SelectField id="directory-payer" label="Payer" value={draft.payer} error={fieldError('payer')}
            hint="Coverage that pays."
            options={[{ value: '', label: 'Any' }, ...PAYER_KINDS.map((p) => ({ value: p, label: PAYER_LABELS[p] }))]}
            onChange={(payer) => setDraft({ ...draft, payer })} />
          {clinical ? (
            <NumberField id="directory-within" label="Within (km)" value={draft.within} min={1}
              hint="From the client’s home." onInput={(within) => setDraft({ ...draft, within })}
              error={fieldError('within')} />
          ) : null}
        </div>
        <div class="actions">
          <button type="submit">Search</button>
          {filtered || picked ? (
            <button type="button" class="button-secondary" onClick={clear}>
              Clear
            </button>
          ) : null}
        </div>
      </form>

      <ErrorAlert error={placed ? null : results.error} />

      <section class="card" aria-labelledby="directory-results-heading">
        <h2 id="directory-results-heading">
          {applied.need ? `Services for ${needCategoryLabel(applied.need).toLowerCase()}` : 'Services'}
          {forClientName ? ` for ${forClientName}` : ''}
        </h2>
        {forClient ? (
          <p class="small">
            <a href={clientHref(forClient.id)}>Back to {forClientName}’s chart</a>
          </p>
        ) : null}
        <p class="muted" role="status" aria-live="polite">
          {notice ? `${notice} ` : ''}
          {status}
        </p>
        {items.length > 0 ? (
          <ol class="plain-list record-list service-results" aria-label="Services, best first">
            {items.map((match, index) => (
              <li key={match.service.id}>
                <ServiceResultCard match={match} rank={index + 1}
                  client={forClient ? { id: forClient.id, name: forClientName ?? '' } : null}
                  canCheck={clinical} canEdit={admin} onStale={results.reload}
                  onEdited={(service) => {
                    setNotice(`Listing saved: ${service.name}.`);
                    results.reload();
                  }} />
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
