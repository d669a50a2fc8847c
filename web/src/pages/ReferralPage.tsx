// One referral on its own page (where the worklist's "Record first contact" leads).

import { useEffect } from 'preact/hooks';
import type { User } from '../api';
import { ApiError, listPrograms } from '../api';
import { canTriageReferrals } from '../access';
import { ErrorAlert } from '../components/ErrorAlert';
import { ReferralCard } from '../components/ReferralCard';
import { setTitle } from '../format';
import { getReferral } from '../referralApi';
import { href } from '../router';
import { useResource } from '../useResource';
import { useCaseManagers, useStaff } from '../useStaff';

export function ReferralPage({ id, user }: { id: string; user: User }) {
  const referral = useResource(() => getReferral(id), [id]);
  const programs = useResource(() => listPrograms(), []);
  const staff = useStaff();
  const canTriage = canTriageReferrals(user.role);
  const caseManagers = useCaseManagers(canTriage);
  const data = referral.data && referral.data.id === id ? referral.data : null;
  const notFound = referral.error instanceof ApiError && referral.error.status === 404;

  useEffect(() => setTitle(data ? `Referral for ${data.client_name}` : 'Referral'), [data?.client_name]);

  return (
    <div>
      <p class="breadcrumb">
        <a href={href('/referrals')}>Referral inbox</a> <span aria-hidden="true">›</span>
      </p>
      <div class="page-heading">
        <h1>{data ? `Referral for ${data.client_name}` : 'Referral'}</h1>
      </div>
      {notFound ? <p>No referral with this id exists in your organization.</p> : <ErrorAlert error={referral.error} />}
      {referral.loading && !data ? <p class="muted" role="status">Loading referral…</p> : null}
      {data ? (
        <div class="referral-list">
          <ReferralCard
            referral={data}
            programName={programs.data?.items.find((p) => p.id === data.program_id)?.name ?? 'Unknown program'}
            userName={staff.name}
            canTriage={canTriage}
            caseManagers={caseManagers.data ?? []}
            onChanged={referral.set}
            onStale={referral.reload}
          />
        </div>
      ) : null}
    </div>
  );
}
