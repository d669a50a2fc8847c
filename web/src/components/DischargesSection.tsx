// The client's discharges, each with its check-in and readmissions.

import { listDischarges } from '../dischargeApi';
import { useResource } from '../useResource';
import { DischargeCard } from './DischargeCard';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  clientId: string;
  refreshKey: number;
  userName: (id: string | null) => string;
  onChanged: (message: string) => void;
}

export function DischargesSection({ clientId, refreshKey, userName, onChanged }: Props) {
  const discharges = useResource(() => listDischarges(clientId), [clientId, refreshKey]);
  const items = discharges.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="discharges-heading">
      <h2 id="discharges-heading">Discharges</h2>
      <ErrorAlert error={discharges.error} />
      {discharges.data && items.length === 0 ? <p class="muted">Not discharged yet.</p> : null}
      <div class="record-list">
        {items.map((discharge) => (
          <DischargeCard key={discharge.id} discharge={discharge} userName={userName} onChanged={onChanged}
            onStale={discharges.reload} />
        ))}
      </div>
    </section>
  );
}
