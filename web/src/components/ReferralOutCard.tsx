// One referral out, closed loop: provider, service and reason, where it stands (draft → sent →
// accepted or declined → completed), and its next steps — send, record a follow-up or the
// provider's answer, complete with the outcome, or cancel.

import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import { labelOf, REFERRAL_OUT_STATUS_LABELS } from '../cycleLabels';
import { formatDateTime, formatDollars } from '../format';
import type { ReferralOut } from '../referralsOutApi';
import {
  cancelReferralOut,
  completeReferralOut,
  followUpReferralOut,
  sendReferralOut,
} from '../referralsOutApi';
import { ErrorAlert } from './ErrorAlert';
import { OneFieldForm } from './OneFieldForm';
import { ReferralOutResponseForm } from './ReferralOutResponseForm';

type Step = 'follow-up' | 'response' | 'complete' | 'cancel';

interface Props {
  referral: ReferralOut;
  onChanged: (message: string) => void;
  onStale: () => void;
}

export function ReferralOutCard({ referral, onChanged, onStale }: Props) {
  const [step, setStep] = useState<Step | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { status } = referral;
  const headingId = `referral-out-${referral.id}-heading`;
  const id = (name: string) => `referral-out-${referral.id}-${name}`;
  const live = status === 'draft' || status === 'sent' || status === 'accepted';
  const done = (message: string) => () => {
    setStep(null);
    onChanged(message);
  };
  const cancel = () => setStep(null);

  async function send() {
    setSending(true);
    setError(null);
    try {
      await sendReferralOut(referral);
      onChanged(`Referral to ${referral.provider_name} sent.`);
    } catch (err) {
      setError(errorMessage(err));
      onStale();
    } finally {
      setSending(false);
    }
  }

  return (
    <article class={`record referral-out referral-out-${status}`} aria-labelledby={headingId}>
      <div class="record-heading">
        <h3 id={headingId}>
          {referral.provider_name} · {referral.service}
        </h3>
        <span class="badge badge-status">{labelOf(REFERRAL_OUT_STATUS_LABELS, status)}</span>
      </div>
      <p class="preline">{referral.reason}</p>
      <ul class="plain-list muted small record-facts">
        {referral.provider_contact ? <li>Contact: {referral.provider_contact}</li> : null}
        {referral.cost !== null && referral.cost !== undefined ? <li>Cost: {formatDollars(referral.cost)}</li> : null}
        <li>Created {formatDateTime(referral.created_at)}</li>
        {referral.sent_at ? <li>Sent {formatDateTime(referral.sent_at)}</li> : null}
        {referral.followed_up_at ? (
          <li>Followed up {formatDateTime(referral.followed_up_at)}: {referral.follow_up_note}</li>
        ) : null}
        {referral.responded_at ? (
          <li>
            Answered {formatDateTime(referral.responded_at)}
            {referral.decline_reason ? ` — declined: ${referral.decline_reason}` : ''}
          </li>
        ) : null}
        {referral.completed_at ? <li>Completed {formatDateTime(referral.completed_at)}: {referral.outcome}</li> : null}
        {referral.cancel_reason ? <li>Cancelled: {referral.cancel_reason}</li> : null}
      </ul>
      {error ? <ErrorAlert error={new Error(error)} /> : null}
      {live && step === null ? (
        <div class="actions">
          {status === 'draft' ? (
            <button type="button" disabled={sending} onClick={send}>{sending ? 'Sending…' : 'Mark sent'}</button>
          ) : null}
          {status === 'sent' || status === 'accepted' ? (
            <button type="button" onClick={() => setStep('follow-up')}>Record follow-up</button>
          ) : null}
          {status === 'sent' ? (
            <button type="button" class="button-secondary" onClick={() => setStep('response')}>Record answer</button>
          ) : null}
          {status === 'accepted' ? (
            <button type="button" class="button-secondary" onClick={() => setStep('complete')}>Complete</button>
          ) : null}
          <button type="button" class="button-secondary" onClick={() => setStep('cancel')}>Cancel referral</button>
        </div>
      ) : null}
      {step === 'follow-up' ? (
        <OneFieldForm id={id('follow-up')} field="note" label="Follow-up note" submitLabel="Save follow-up"
          emptyMessage="Say what the follow-up found." call={(note) => followUpReferralOut(referral, note)}
          onDone={done('Follow-up recorded.')} onStale={onStale} onCancel={cancel} />
      ) : null}
      {step === 'response' ? (
        <ReferralOutResponseForm referral={referral} onDone={done('Provider’s answer recorded.')} onStale={onStale}
          onCancel={cancel} />
      ) : null}
      {step === 'complete' ? (
        <OneFieldForm id={id('outcome')} field="outcome" label="Outcome" submitLabel="Complete referral"
          emptyMessage="Say what came of the referral." call={(outcome) => completeReferralOut(referral, outcome)}
          onDone={done('Referral completed.')} onStale={onStale} onCancel={cancel} />
      ) : null}
      {step === 'cancel' ? (
        <OneFieldForm id={id('cancel')} field="reason" label="Reason for cancelling" submitLabel="Cancel referral"
          emptyMessage="Give the reason for cancelling." call={(reason) => cancelReferralOut(referral, reason)}
          onDone={done('Referral cancelled.')} onStale={onStale} onCancel={cancel} />
      ) : null}
    </article>
  );
}
