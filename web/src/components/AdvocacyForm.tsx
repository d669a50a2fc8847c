// Adds an advocacy item (a benefit or aid application, an insurance claim, an appeal), or updates
// one's status and dates (PATCH, If-Match) when `item` is given.

import { useState } from 'preact/hooks';
import type { AdvocacyItem, AdvocacyKind, AdvocacyStatus } from '../coverageApi';
import { ADVOCACY_KINDS, ADVOCACY_STATUSES, createAdvocacy, updateAdvocacy } from '../coverageApi';
import { ADVOCACY_KIND_LABELS, ADVOCACY_STATUS_LABELS } from '../coverageLabels';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  clientId: string;
  /** The item whose status is updated; a new item is added without it. */
  item?: AdvocacyItem;
  onDone: (item: AdvocacyItem) => void;
  onStale?: () => void;
  onCancel: () => void;
}

export function AdvocacyForm({ clientId, item, onDone, onStale, onCancel }: Props) {
  const [kind, setKind] = useState<AdvocacyKind>(item?.kind ?? 'benefit_application');
  const [description, setDescription] = useState(item?.description ?? '');
  const [status, setStatus] = useState<AdvocacyStatus>(item?.status ?? 'planned');
  const [submittedOn, setSubmittedOn] = useState(item?.submitted_on ?? '');
  const [decidedOn, setDecidedOn] = useState(item?.decided_on ?? '');
  const form = useApiForm(['kind', 'description', 'status', 'submitted_on', 'decided_on'], onStale);
  const prefix = item ? `advocacy-${item.id}` : 'advocacy-new';
  const headingId = `${prefix}-form-heading`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!item && !form.check({ description: description.trim() ? null : 'Describe what is applied or claimed for.' })) return;
    const saved = await form.run(() =>
      item
        ? updateAdvocacy(item, { status, submitted_on: submittedOn, decided_on: decidedOn })
        : createAdvocacy(clientId, {
            kind,
            description: description.trim(),
            status,
            ...(submittedOn ? { submitted_on: submittedOn } : {}),
            ...(decidedOn ? { decided_on: decidedOn } : {}),
          }),
    );
    if (saved) onDone(saved);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h4 id={headingId}>{item ? 'Update status' : 'Add advocacy item'}</h4>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        {!item ? (
          <>
            <SelectField id={`${prefix}-kind`} label="Kind" value={kind} error={form.fieldError('kind')}
              options={ADVOCACY_KINDS.map((k) => ({ value: k, label: ADVOCACY_KIND_LABELS[k] }))}
              onChange={(value) => setKind(value as AdvocacyKind)} />
            <TextAreaField id={`${prefix}-description`} label="Description" value={description} onInput={setDescription}
              required rows={2} maxLength={2000} class="wide" error={form.fieldError('description')} />
          </>
        ) : null}
        <SelectField id={`${prefix}-status`} label="Status" value={status} error={form.fieldError('status')}
          options={ADVOCACY_STATUSES.map((s) => ({ value: s, label: ADVOCACY_STATUS_LABELS[s] }))}
          onChange={(value) => setStatus(value as AdvocacyStatus)} />
        <TextField id={`${prefix}-submitted-on`} label="Submitted on" type="date" value={submittedOn}
          onInput={setSubmittedOn} error={form.fieldError('submitted_on')} />
        <TextField id={`${prefix}-decided-on`} label="Decided on" type="date" value={decidedOn} onInput={setDecidedOn}
          error={form.fieldError('decided_on')} />
      </div>
      <FormActions busy={form.busy} label={item ? 'Save status' : 'Add item'} onCancel={onCancel} />
    </form>
  );
}
