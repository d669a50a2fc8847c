// The client's referrals out to other providers, each with its next step.

import { listReferralsOut } from '../referralsOutApi';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';
import { ReferralOutCard } from './ReferralOutCard';

interface Props {
  clientId: string;
  refreshKey: number;
  onChanged: (message: string) => void;
}

export function ReferralOutSection({ clientId, refreshKey, onChanged }: Props) {
  const referrals = useResource(() => listReferralsOut(clientId), [clientId, refreshKey]);
  const items = referrals.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="referrals-out-heading">
      <h2 id="referrals-out-heading">Referrals out</h2>
      <ErrorAlert error={referrals.error} />
      {referrals.data && items.length === 0 ? <p class="muted">No referrals to other providers yet.</p> : null}
      <div class="record-list">
        {items.map((referral) => (
          <ReferralOutCard key={referral.id} referral={referral} onChanged={onChanged} onStale={referrals.reload} />
        ))}
      </div>
    </section>
  );
}
