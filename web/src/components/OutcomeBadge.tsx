// An audit entry's outcome. "Refused" is marked by its words and an icon as well as its colour.

import type { AuditOutcome } from '../api';
import { OUTCOME_LABELS } from '../format';

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const label = OUTCOME_LABELS[outcome] ?? outcome;
  if (outcome === 'refused') {
    return (
      <span class="badge badge-refused">
        <span aria-hidden="true" class="badge-icon">
          ⚠
        </span>
        <span>{label}</span>
      </span>
    );
  }
  return <span class="badge badge-allowed">{label}</span>;
}
