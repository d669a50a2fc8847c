// Logs a referral that came in: which client (searched by name), for which program, from whom and
// why, and how urgent. Its 72-hour first-contact clock starts at `received_at` (default now).

import { useState } from 'preact/hooks';
import type { ClientSummary, Program } from '../api';
import { REFERRAL_PRIORITY_LABELS, REFERRAL_SOURCE_LABELS } from '../cycleLabels';
import { localInputToUtc } from '../format';
import type { Referral, ReferralInput, ReferralPriority, ReferralSource } from '../referralApi';
import { createReferral, REFERRAL_PRIORITIES, REFERRAL_SOURCES } from '../referralApi';
import { useApiForm } from '../useApiForm';
import { ClientPicker } from './ClientPicker';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  programs: Program[];
  onCreated: (referral: Referral) => void;
  onCancel: () => void;
}

const FIELDS = ['client_id', 'program_id', 'source', 'referrer_name', 'referrer_contact', 'reason', 'priority', 'received_at'];

export function NewReferralForm({ programs, onCreated, onCancel }: Props) {
  const active = programs.filter((program) => program.active);
  const [client, setClient] = useState<ClientSummary | null>(null);
  const [programId, setProgramId] = useState(active.length === 1 ? active[0].id : '');
  const [source, setSource] = useState<ReferralSource>('hospital');
  const [referrerName, setReferrerName] = useState('');
  const [referrerContact, setReferrerContact] = useState('');
  const [reason, setReason] = useState('');
  const [priority, setPriority] = useState<ReferralPriority>('routine');
  const [receivedAt, setReceivedAt] = useState('');
  const form = useApiForm(FIELDS);

  async function submit(event: Event) {
    event.preventDefault();
    const received = receivedAt ? localInputToUtc(receivedAt) : null;
    const ok = form.check({
      client_id: client ? null : 'Search for the client and choose one.',
      program_id: programId ? null : 'Choose a program.',
      referrer_name: referrerName.trim() ? null : 'Say who referred the client.',
      reason: reason.trim() ? null : 'Give the reason for the referral.',
      received_at: receivedAt && !received ? 'Give a date and time, or leave it empty for now.' : null,
    });
    if (!ok || !client) return;
    const input: ReferralInput = {
      client_id: client.id,
      program_id: programId,
      source,
      referrer_name: referrerName.trim(),
      reason: reason.trim(),
      priority,
    };
    if (referrerContact.trim()) input.referrer_contact = referrerContact.trim();
    if (received) input.received_at = received;
    const created = await form.run(() => createReferral(input));
    if (created) onCreated(created);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="new-referral-heading" noValidate>
      <h2 id="new-referral-heading">New referral</h2>
      <ErrorAlert error={form.formError} />
      <ClientPicker id="referral-client" label="Client" value={client} onChange={setClient} required
        error={form.fieldError('client_id')} />
      <div class="form-grid">
        <SelectField id="referral-program" label="Program" value={programId} onChange={setProgramId} required
          error={form.fieldError('program_id')}
          options={[{ value: '', label: 'Choose a program…' }, ...active.map((p) => ({ value: p.id, label: p.name }))]} />
        <SelectField id="referral-source" label="Source" value={source} onChange={(v) => setSource(v as ReferralSource)}
          error={form.fieldError('source')}
          options={REFERRAL_SOURCES.map((s) => ({ value: s, label: REFERRAL_SOURCE_LABELS[s] }))} />
        <TextField id="referral-referrer" label="Referred by" value={referrerName} onInput={setReferrerName} required
          maxLength={200} error={form.fieldError('referrer_name')} autoComplete="off" />
        <TextField id="referral-referrer-contact" label="Referrer’s phone or email" value={referrerContact}
          onInput={setReferrerContact} maxLength={200} error={form.fieldError('referrer_contact')} autoComplete="off" />
        <SelectField id="referral-priority" label="Priority" value={priority}
          onChange={(v) => setPriority(v as ReferralPriority)} error={form.fieldError('priority')}
          options={REFERRAL_PRIORITIES.map((p) => ({ value: p, label: REFERRAL_PRIORITY_LABELS[p] }))} />
        <TextField id="referral-received" type="datetime-local" label="Received" value={receivedAt}
          onInput={setReceivedAt} hint="Leave empty for now; it may not be in the future."
          error={form.fieldError('received_at')} />
        <TextAreaField id="referral-reason" label="Reason for referral" value={reason} onInput={setReason} required
          maxLength={4000} error={form.fieldError('reason')} class="wide" />
      </div>
      <FormActions busy={form.busy} label="Log referral" onCancel={onCancel} />
    </form>
  );
}
