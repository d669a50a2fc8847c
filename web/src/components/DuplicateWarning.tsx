// Shown when creating a client answers 409 possible_duplicate: the existing clients with the same
// name and birth date, so the user can open one of them or knowingly create a new record. A
// candidate the user may not open is named without a link and marked "Not on your caseload".

import type { ClientSummary } from '../api';
import { clientName } from '../format';
import { clientHref } from '../router';
import { NotOnCaseloadBadge } from './NotOnCaseloadBadge';

interface Props {
  candidates: ClientSummary[];
  onCreateAnyway: () => void;
  busy: boolean;
}

export function DuplicateWarning({ candidates, onCreateAnyway, busy }: Props) {
  const anyOpenable = candidates.some((candidate) => candidate.can_open !== false);
  const anyRestricted = candidates.some((candidate) => candidate.can_open === false);
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
            {candidate.can_open === false ? (
              <span class="restricted-name">{clientName(candidate)}</span>
            ) : (
              <a href={clientHref(candidate.id)}>{clientName(candidate)}</a>
            )}
            , born {candidate.birth_date}
            {candidate.can_open === false ? (
              <>
                {' '}
                <NotOnCaseloadBadge />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {anyOpenable ? <p>Open the existing record if it is the same person. Otherwise create a new one.</p> : null}
      {anyRestricted ? (
        <p>
          {anyOpenable ? 'A record marked “Not on your caseload”' : 'If it is the same person, the existing record'}{' '}
          is open only to the staff who work with that client: ask their case manager or your supervisor to add you to
          the care team instead of registering the client again.
          {anyOpenable ? '' : ' Otherwise create a new one.'}
        </p>
      ) : null}
      <button type="button" class="button-warning" onClick={onCreateAnyway} disabled={busy}>
        Create anyway
      </button>
    </div>
  );
}
