// The client's risk level, which orders the worklist after lateness: shown as a badge, changed
// with a select and "Save" (PATCH the client, If-Match its version).

import { useEffect, useState } from 'preact/hooks';
import type { Client, RiskLevel } from '../api';
import { patchClient, RISK_LEVELS } from '../api';
import { RISK_LABELS } from '../cycleLabels';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FieldError, fieldAria } from './FieldError';

interface Props {
  client: Client;
  onSaved: (client: Client) => void;
  onStale: () => void;
}

export function RiskLevelControl({ client, onSaved, onStale }: Props) {
  const stored = client.risk_level ?? 'none';
  const [level, setLevel] = useState<RiskLevel>(stored);
  const form = useApiForm(['risk_level'], onStale);
  useEffect(() => setLevel(stored), [stored, client.version]);

  async function submit(event: Event) {
    event.preventDefault();
    const saved = await form.run(() => patchClient(client, { risk_level: level }));
    if (saved) onSaved(saved);
  }

  return (
    <form class="risk-control" onSubmit={submit} noValidate>
      <label for="client-risk-level">Risk level</label>
      <select id="client-risk-level" value={level} onChange={(e) => setLevel((e.currentTarget as HTMLSelectElement).value as RiskLevel)}
        {...fieldAria('client-risk-level', form.fieldError('risk_level'))}>
        {RISK_LEVELS.map((r) => (
          <option key={r} value={r}>
            {RISK_LABELS[r]}
          </option>
        ))}
      </select>
      {level !== stored ? (
        <button type="submit" class="button-small" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save risk level'}
        </button>
      ) : null}
      <FieldError id="client-risk-level" message={form.fieldError('risk_level')} />
      <ErrorAlert error={form.formError} />
    </form>
  );
}
