// "New assessment": choose an instrument (GET /instruments) and go to its form for this client,
// linked to a case when one is given.

import { useState } from 'preact/hooks';
import type { Instrument } from '../assessmentsApi';
import { listInstruments } from '../assessmentsApi';
import { href, navigate } from '../router';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';
import { SelectField } from './SelectField';

interface Props {
  clientId: string;
  caseId?: string | null;
  idPrefix: string;
  /** The instruments, when the caller has them already. */
  instruments?: Instrument[] | null;
  onCancel?: () => void;
  class?: string;
}

export function assessmentFormHref(clientId: string, instrumentId: string, caseId?: string | null): string {
  return href(`/clients/${encodeURIComponent(clientId)}/assessments/new`, {
    instrument: instrumentId,
    case: caseId ?? null,
  });
}

export function NewAssessmentPicker({ clientId, caseId, idPrefix, instruments, onCancel, ...rest }: Props) {
  const loaded = useResource(
    () => (instruments ? Promise.resolve({ items: instruments }) : listInstruments()),
    [instruments ? instruments.length : -1],
  );
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const items = [...(instruments ?? loaded.data?.items ?? [])].sort((a, b) => a.title.localeCompare(b.title));
  const id = `${idPrefix}-instrument`;

  function start(event: Event) {
    event.preventDefault();
    if (!chosen) {
      setError('Choose an instrument.');
      document.getElementById(id)?.focus();
      return;
    }
    navigate(assessmentFormHref(clientId, chosen, caseId));
  }

  return (
    <form class={`assessment-picker ${rest.class ?? ''}`} onSubmit={start} aria-label="New assessment" noValidate>
      <ErrorAlert error={instruments ? null : loaded.error} />
      <SelectField
        id={id}
        label="Instrument"
        value={chosen}
        class="inline-field"
        error={error}
        onChange={(value) => {
          setChosen(value);
          setError(null);
        }}
        options={[
          { value: '', label: loaded.loading && !instruments ? 'Loading…' : 'Choose an instrument…' },
          ...items.map((instrument) => ({ value: instrument.id, label: instrument.title })),
        ]}
      />
      <div class="actions">
        <button type="submit">New assessment</button>
        {onCancel ? (
          <button type="button" class="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
