// The referral inbox: referrals coming in, filtered by status (kept in the URL), the "New
// referral" form, and each referral's next step. Supervisors see the organization's inbox; case
// managers the referrals assigned to them or that they logged.

import { useEffect, useState } from 'preact/hooks';
import type { User } from '../api';
import { listPrograms } from '../api';
import { canTriageReferrals } from '../access';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewReferralForm } from '../components/NewReferralForm';
import { ReferralCard } from '../components/ReferralCard';
import { SelectField } from '../components/SelectField';
import { REFERRAL_FILTER_LABELS } from '../cycleLabels';
import { setTitle } from '../format';
import type { Referral, ReferralFilter } from '../referralApi';
import { listReferrals, REFERRAL_FILTERS } from '../referralApi';
import type { Location } from '../router';
import { href, navigate } from '../router';
import { useResource } from '../useResource';
import { useCaseManagers, useStaff } from '../useStaff';

function filterFrom(location: Location): ReferralFilter {
  const status = location.query.get('status');
  return (REFERRAL_FILTERS as readonly string[]).includes(status ?? '') ? (status as ReferralFilter) : 'open';
}

export function ReferralInboxPage({ location, user }: { location: Location; user: User }) {
  const filter = filterFrom(location);
  const canTriage = canTriageReferrals(user.role);
  const referrals = useResource(() => listReferrals(filter), [filter]);
  const programs = useResource(() => listPrograms(), []);
  const staff = useStaff();
  const caseManagers = useCaseManagers(canTriage);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => setTitle('Referral inbox'), []);

  const programName = (id: string) => programs.data?.items.find((p) => p.id === id)?.name ?? 'Unknown program';
  const items = referrals.data?.items ?? [];

  function changed(updated: Referral, what: string) {
    setMessage(what);
    if (referrals.data) {
      referrals.set({ items: referrals.data.items.map((r) => (r.id === updated.id ? updated : r)) });
    }
  }

  const count = items.length;
  const status = referrals.loading
    ? 'Loading referrals…'
    : referrals.data
      ? `${message ? `${message} ` : ''}${count === 0 ? 'No referrals here.' : `${count} referral${count === 1 ? '' : 's'}.`}`
      : '';

  return (
    <div>
      <div class="page-heading with-action">
        <h1>Referral inbox</h1>
        {!adding ? (
          <button type="button" onClick={() => setAdding(true)}>
            New referral
          </button>
        ) : null}
      </div>
      {adding ? (
        <section class="card" aria-label="New referral">
          <NewReferralForm
            programs={programs.data?.items ?? []}
            onCancel={() => setAdding(false)}
            onCreated={(created) => {
              setAdding(false);
              setMessage(`Referral for ${created.client_name} logged.`);
              if (filter === 'open' || filter === 'new' || filter === 'all') referrals.reload();
              else navigate(href('/referrals', { status: 'open' }));
            }}
          />
        </section>
      ) : null}
      <div class="card inbox-filter">
        <SelectField id="referral-filter" label="Show" value={filter} class="inline-field"
          onChange={(value) => {
            setMessage('');
            navigate(href('/referrals', { status: value === 'open' ? null : value }), { replace: true });
          }}
          options={REFERRAL_FILTERS.map((f) => ({ value: f, label: REFERRAL_FILTER_LABELS[f] }))} />
        <p class="muted inbox-count" role="status" aria-live="polite">
          {status}
        </p>
      </div>
      <ErrorAlert error={referrals.error ?? programs.error ?? staff.users.error ?? caseManagers.error} />
      <div class="referral-list">
        {items.map((referral) => (
          <ReferralCard
            key={referral.id}
            referral={referral}
            programName={programName(referral.program_id)}
            userName={staff.name}
            canTriage={canTriage}
            caseManagers={caseManagers.data ?? []}
            onChanged={(updated) => changed(updated, `Referral for ${updated.client_name} saved.`)}
            onStale={referrals.reload}
          />
        ))}
      </div>
    </div>
  );
}
