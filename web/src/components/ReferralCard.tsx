// One referral in the inbox: who, from whom, why, how urgent, its status and first-contact clock,
// and the next steps the user may take — triage, assign or decline (supervisors), and recording
// the first contact once it is assigned. One step's form is open at a time.

import { useState } from 'preact/hooks';
import type { User } from '../api';
import {
  CONTACT_METHOD_LABELS,
  labelOf,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_STATUS_LABELS,
} from '../cycleLabels';
import { formatDateTime } from '../format';
import type { Referral } from '../referralApi';
import { clientHref } from '../router';
import { DueTime } from './DueTime';
import { FirstContactForm } from './FirstContactForm';
import { PriorityBadge } from './PriorityBadge';
import { ReferralAssignForm } from './ReferralAssignForm';
import { ReferralDeclineForm } from './ReferralDeclineForm';
import { ReferralTriageForm } from './ReferralTriageForm';

type Step = 'triage' | 'assign' | 'decline' | 'first-contact';

interface Props {
  referral: Referral;
  programName: string;
  userName: (id: string | null) => string;
  /** Supervisors triage, assign and decline. */
  canTriage: boolean;
  caseManagers: User[];
  onChanged: (updated: Referral) => void;
  onStale: () => void;
}

export function ReferralCard({ referral, programName, userName, canTriage, caseManagers, onChanged, onStale }: Props) {
  const [step, setStep] = useState<Step | null>(null);
  const open = referral.status === 'new' || referral.status === 'triaged';
  const needsFirstContact = referral.status === 'assigned' && !referral.first_contact_at;
  const headingId = `referral-${referral.id}-heading`;
  const done = (updated: Referral) => {
    setStep(null);
    onChanged(updated);
  };
  const formProps = { referral, onDone: done, onStale, onCancel: () => setStep(null) };

  return (
    <article
      class={`referral referral-${referral.status}${referral.clock?.overdue ? ' referral-overdue' : ''}`}
      aria-labelledby={headingId}
    >
      <div class="case-heading">
        <h2 id={headingId}>
          <a href={clientHref(referral.client_id)}>{referral.client_name}</a>
        </h2>
        <span class="referral-badges">
          <PriorityBadge priority={referral.priority} />
          <span class={`status status-referral-${referral.status}`}>
            <span class="visually-hidden">Status: </span>
            {labelOf(REFERRAL_STATUS_LABELS, referral.status)}
          </span>
        </span>
      </div>
      <dl class="details compact">
        <div>
          <dt>Program</dt>
          <dd>{programName}</dd>
        </div>
        <div>
          <dt>Referred by</dt>
          <dd>
            {referral.referrer_name} <span class="muted">({labelOf(REFERRAL_SOURCE_LABELS, referral.source)})</span>
            {referral.referrer_contact ? <div class="muted small">{referral.referrer_contact}</div> : null}
          </dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(referral.received_at)}</dd>
        </div>
        {referral.clock ? (
          <div>
            <dt>First contact due</dt>
            <dd>
              <DueTime dueAt={referral.clock.due_at} overdue={referral.clock.overdue} />
            </dd>
          </div>
        ) : null}
        {referral.case_manager_id ? (
          <div>
            <dt>Case manager</dt>
            <dd>{userName(referral.case_manager_id)}</dd>
          </div>
        ) : null}
        {referral.first_contact_at ? (
          <div>
            <dt>First contact</dt>
            <dd>
              {formatDateTime(referral.first_contact_at)}
              {referral.first_contact_method ? ` · ${labelOf(CONTACT_METHOD_LABELS, referral.first_contact_method)}` : ''}
            </dd>
          </div>
        ) : null}
        <div class="wide">
          <dt>Reason</dt>
          <dd class="preline">{referral.reason}</dd>
        </div>
        {referral.triage_note ? (
          <div class="wide">
            <dt>Triage note</dt>
            <dd class="preline">{referral.triage_note}</dd>
          </div>
        ) : null}
        {referral.decline_reason ? (
          <div class="wide">
            <dt>Declined because</dt>
            <dd class="preline">{referral.decline_reason}</dd>
          </div>
        ) : null}
      </dl>
      {step === null && ((open && canTriage) || needsFirstContact) ? (
        <div class="actions">
          {open && canTriage ? (
            <>
              <button type="button" onClick={() => setStep('assign')}>Assign</button>
              <button type="button" class="button-secondary" onClick={() => setStep('triage')}>Triage</button>
              <button type="button" class="button-secondary" onClick={() => setStep('decline')}>Decline</button>
            </>
          ) : null}
          {needsFirstContact ? (
            <button type="button" onClick={() => setStep('first-contact')}>Record first contact</button>
          ) : null}
        </div>
      ) : null}
      {step === 'triage' ? <ReferralTriageForm {...formProps} /> : null}
      {step === 'assign' ? <ReferralAssignForm {...formProps} caseManagers={caseManagers} /> : null}
      {step === 'decline' ? <ReferralDeclineForm {...formProps} /> : null}
      {step === 'first-contact' ? <FirstContactForm {...formProps} /> : null}
    </article>
  );
}
