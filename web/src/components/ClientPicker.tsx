// Picks a client by searching names (GET /clients?q=, debounced as the user types): the matches
// are listed as buttons; the chosen client is shown with a "Change" button. Clients the user may
// not open are listed with the "Not on your caseload" badge; the server decides what may be done.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientSummary } from '../api';
import { errorMessage, searchClients } from '../api';
import { clientName } from '../format';
import { FieldError } from './FieldError';
import { NotOnCaseloadBadge } from './NotOnCaseloadBadge';
import { TextField } from './TextField';

interface Props {
  id: string;
  label: string;
  value: ClientSummary | null;
  onChange: (client: ClientSummary | null) => void;
  error?: string | null;
  required?: boolean;
}

const DEBOUNCE_MS = 300;

export function ClientPicker({ id, label, value, onChange, error, required }: Props) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<ClientSummary[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function search(q: string) {
    setText(q);
    window.clearTimeout(timer.current);
    if (!q.trim()) {
      setResults(null);
      return;
    }
    timer.current = window.setTimeout(async () => {
      const ticket = ++latest.current;
      setSearching(true);
      try {
        const page = await searchClients({ q: q.trim(), limit: 8 });
        if (ticket === latest.current) {
          setResults(page.items);
          setSearchError(null);
        }
      } catch (err) {
        if (ticket === latest.current) setSearchError(errorMessage(err));
      } finally {
        if (ticket === latest.current) setSearching(false);
      }
    }, DEBOUNCE_MS);
  }

  if (value) {
    return (
      <div class="field client-picked" role="group" aria-labelledby={`${id}-label`}>
        <span class="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div class="client-picked-row">
          <span>
            <strong>{clientName(value)}</strong> <span class="muted">born {value.birth_date}</span>
          </span>
          <button type="button" class="button-secondary button-small" onClick={() => onChange(null)}>
            Change client
          </button>
        </div>
        <FieldError id={id} message={error} />
      </div>
    );
  }

  const statusText = searching
    ? 'Searching…'
    : results === null
      ? ''
      : results.length === 0
        ? 'No client matches this name.'
        : `${results.length} client${results.length === 1 ? '' : 's'} found; choose one.`;
  return (
    <div class="client-picker">
      <TextField id={id} type="search" label={label} value={text} onInput={search} required={required}
        hint='Start of the family or given name, or "family, given".' error={error ?? searchError}
        autoComplete="off" />
      <p class="muted small" role="status" aria-live="polite">
        {statusText}
      </p>
      {results && results.length > 0 ? (
        <ul class="plain-list client-picker-results" aria-label="Matching clients">
          {results.map((client) => (
            <li key={client.id}>
              <button type="button" class="button-secondary button-small" onClick={() => onChange(client)}>
                Choose {clientName(client)}
              </button>{' '}
              <span class="muted small">born {client.birth_date}</span>
              {client.can_open === false ? <NotOnCaseloadBadge /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
