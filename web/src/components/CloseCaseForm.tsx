// Closes a case with a reason and an outcome (the outcome is needed once it was discharged). The
// server refuses while required items are open and lists them (`error.open_items`): they are shown
// here so the user knows what to finish first.

import { useState } from 'preact/hooks';
import type { Case, CaseOutcome } from '../api';
import { CASE_OUTCOMES, transitionCase } from '../api';
import { CASE_OUTCOME_LABELS } from '../cycleLabels';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { OpenItemsList } from './OpenItemsList';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  caseRecord: Case;
  onDone: (closed: Case) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function CloseCaseForm({ caseRecord, onDone, onStale, onCancel }: Props) {
  const outcomeNeeded = caseRecord.status === 'discharged';
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const form = useApiForm(['reason', 'outcome'], onStale);
  const openItems = form.error?.open_items ?? [];

  async function submit(event: Event) {
    event.preventDefault();
    const ok = form.check({
      reason: reason.trim() ? null : 'Give the reason for closing.',
      outcome: outcomeNeeded && !outcome ? 'Choose the outcome.' : null,
    });
    if (!ok) return;
    const closed = await form.run(() => transitionCase(caseRecord, 'closed', reason.trim(), outcome || undefined));
    if (closed) onDone(closed);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="close-case-heading" noValidate>
      <h3 id="close-case-heading">Close the case</h3>
      {openItems.length > 0 ? (
        <ErrorAlert>
          <p>
            <strong>The case cannot be closed yet.</strong> Finish these first:
          </p>
          <OpenItemsList items={openItems} />
        </ErrorAlert>
      ) : (
        <ErrorAlert error={form.formError} />
      )}
      <div class="form-grid">
        <TextField id="close-reason" label="Reason for closing" value={reason} onInput={setReason} required
          maxLength={500} error={form.fieldError('reason')} autoComplete="off" />
        <SelectField id="close-outcome" label="Outcome" value={outcome} onChange={(v) => setOutcome(v as CaseOutcome)}
          required={outcomeNeeded} error={form.fieldError('outcome')}
          options={[
            { value: '', label: 'Choose the outcome…' },
            ...CASE_OUTCOMES.map((o) => ({ value: o, label: CASE_OUTCOME_LABELS[o] })),
          ]} />
      </div>
      <FormActions busy={form.busy} label="Close case" busyLabel="Closing…" submitClass="button-warning"
        onCancel={onCancel} />
    </form>
  );
}
