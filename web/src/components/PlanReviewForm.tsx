// Records a care plan review on a case (stops the plan-review clock until the next one is due).

import { useState } from 'preact/hooks';
import type { Case } from '../api';
import type { PlanReview } from '../dischargeApi';
import { createPlanReview } from '../dischargeApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props {
  caseRecord: Case;
  onDone: (review: PlanReview) => void;
  onCancel: () => void;
}

export function PlanReviewForm({ caseRecord, onDone, onCancel }: Props) {
  const [summary, setSummary] = useState('');
  const form = useApiForm(['summary']);

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ summary: summary.trim() ? null : 'Summarize the review.' })) return;
    const review = await form.run(() => createPlanReview(caseRecord.id, summary.trim()));
    if (review) onDone(review);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="plan-review-form-heading" noValidate>
      <h3 id="plan-review-form-heading">Record a plan review</h3>
      <ErrorAlert error={form.formError} />
      <TextAreaField id="plan-review-summary" label="Review summary" value={summary} onInput={setSummary} required
        rows={4} maxLength={8000} hint="Progress on the goals, and what changes in the plan."
        error={form.fieldError('summary')} />
      <FormActions busy={form.busy} label="Save review" onCancel={onCancel} />
    </form>
  );
}
