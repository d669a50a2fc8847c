// The banner on a client's page when the signed-in user reads it through a break-the-glass grant
// (GET /clients/{id}/break-glass: a grant of this user that has not expired yet).

import type { BreakGlassGrant } from '../api';
import { formatDateTime } from '../format';

interface Props {
  grants: BreakGlassGrant[];
  userId: string;
  now?: Date;
}

/** The user's grant in force that lasts longest, or null. */
export function activeGrant(grants: BreakGlassGrant[], userId: string, now: Date = new Date()): BreakGlassGrant | null {
  let best: BreakGlassGrant | null = null;
  for (const grant of grants) {
    if (grant.user_id !== userId) continue;
    const ends = new Date(grant.expires_at).getTime();
    if (!(ends > now.getTime())) continue;
    if (!best || ends > new Date(best.expires_at).getTime()) best = grant;
  }
  return best;
}

export function BreakGlassBanner({ grants, userId, now }: Props) {
  const grant = activeGrant(grants, userId, now);
  if (!grant) return null;
  return (
    <div class="alert alert-warning break-glass-banner" role="status">
      <p>
        <strong>Emergency access (break the glass) until{' '}
          <time dateTime={grant.expires_at}>{formatDateTime(grant.expires_at)}</time>.</strong>{' '}
        This client is not on your caseload or care team. Every read is recorded with your reason, and your
        supervisor and the auditors have been alerted.
      </p>
      <p class="small">
        Your reason: <q>{grant.reason}</q>
      </p>
    </div>
  );
}
