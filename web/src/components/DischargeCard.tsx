// One discharge: where the client went, services arranged, family education, the check-in (or
// the form to record it) and readmissions (30-day ones marked).

import { useState } from 'preact/hooks';
import { DESTINATION_LABELS, labelOf } from '../cycleLabels';
import type { Discharge } from '../dischargeApi';
import { formatDateTime } from '../format';
import { CheckInForm } from './CheckInForm';
import { ReadmissionForm } from './ReadmissionForm';

interface Props {
  discharge: Discharge;
  userName: (id: string | null) => string;
  onChanged: (message: string) => void;
  onStale: () => void;
}

export function DischargeCard({ discharge, userName, onChanged, onStale }: Props) {
  const [step, setStep] = useState<'check-in' | 'readmission' | null>(null);
  const headingId = `discharge-${discharge.id}-heading`;
  const checkIn = discharge.check_in;
  const done = (message: string) => () => {
    setStep(null);
    onChanged(message);
  };

  return (
    <article class="record discharge" aria-labelledby={headingId}>
      <div class="record-heading">
        <h3 id={headingId}>Discharged {formatDateTime(discharge.discharged_at)}</h3>
        {checkIn ? <span class="badge badge-status">Checked in</span> : <span class="badge badge-attention">Check-in due</span>}
      </div>
      <dl class="details compact">
        <div>
          <dt>Destination</dt>
          <dd>
            {labelOf(DESTINATION_LABELS, discharge.destination)}
            {discharge.destination_details ? <div class="muted small">{discharge.destination_details}</div> : null}
          </dd>
        </div>
        <div>
          <dt>Family education</dt>
          <dd>{discharge.family_education_done ? 'Done' : 'Not done'}</dd>
        </div>
        <div class="wide">
          <dt>Services arranged</dt>
          <dd class="preline">{discharge.services_arranged}</dd>
        </div>
        {discharge.notes ? (
          <div class="wide">
            <dt>Notes</dt>
            <dd class="preline">{discharge.notes}</dd>
          </div>
        ) : null}
        {checkIn ? (
          <div class="wide">
            <dt>Check-in</dt>
            <dd>
              {formatDateTime(checkIn.at)} by {userName(checkIn.by)}: health status{' '}
              {checkIn.health_status_changed ? 'changed' : 'unchanged'}, satisfaction {checkIn.satisfaction} of 5
              {checkIn.notes ? <div class="muted small preline">{checkIn.notes}</div> : null}
            </dd>
          </div>
        ) : null}
        {discharge.readmissions.length > 0 ? (
          <div class="wide">
            <dt>Readmissions</dt>
            <dd>
              <ul class="plain-list">
                {discharge.readmissions.map((r) => (
                  <li key={r.id}>
                    {formatDateTime(r.admitted_at)}, {r.facility}: {r.reason} ({r.days_after_discharge} days after)
                    {r.within_30_days ? <span class="badge badge-late">Within 30 days</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {step === null ? (
        <div class="actions">
          {!checkIn ? <button type="button" onClick={() => setStep('check-in')}>Record check-in</button> : null}
          <button type="button" class="button-secondary" onClick={() => setStep('readmission')}>
            Record readmission
          </button>
        </div>
      ) : null}
      {step === 'check-in' ? (
        <CheckInForm discharge={discharge} onStale={onStale} onCancel={() => setStep(null)} onDone={done('Check-in recorded.')} />
      ) : null}
      {step === 'readmission' ? (
        <ReadmissionForm discharge={discharge} onCancel={() => setStep(null)} onDone={done('Readmission recorded.')} />
      ) : null}
    </article>
  );
}
