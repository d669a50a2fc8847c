// Shown when creating a client answers 409 possible_duplicate: the existing clients with the same
// name and birth date, so the user can open one of them or knowingly create a new record.

import type { ClientSummary } from '../api';
import { clientName } from '../format';
import { clientHref } from '../router';

interface Props {
  candidates: ClientSummary[];
  onCreateAnyway: () => void;
  busy: boolean;
}

export function DuplicateWarning({ candidates, onCreateAnyway, busy }: Props) {
  return (
    <div class="alert alert-warning" role="alert" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">This client may already be registered</h2>
      <p>
        {candidates.length === 1
          ? 'A client with the same name and birth date already exists:'
          : `${candidates.length} clients with the same name and birth date already exist:`}
      </p>
      <ul class="candidate-list">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <a href={clientHref(candidate.id)}>{clientName(candidate)}</a>, born{' '}
            {candidate.birth_date}
          </li>
        ))}
      </ul>
      <p>Open the existing record if it is the same person. Otherwise create a new one.</p>
      <button type="button" class="button-warning" onClick={onCreateAnyway} disabled={busy}>
        Create anyway
      </button>
    </div>
  );
}
