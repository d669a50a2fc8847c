// One case (episode of care): program, status, dates, case manager, history, and a button for
// each legal next status, with an optional reason (required when closing from referred or intake).
// Transitions send If-Match with the case version; a stale version (412)
// reloads the case so the user acts on what is really stored.

import { useState } from 'preact/hooks';
import type { Case, CaseStatus } from '../api';
import { ApiError, transitionCase } from '../api';
import type { Transition } from '../caseStatus';
import { nextTransitions } from '../caseStatus';
import { formatDateTime, STATUS_LABELS } from '../format';
import { ErrorAlert } from './ErrorAlert';
import { FieldError, fieldAria } from './FieldError';

interface Props {
  caseRecord: Case;
  programName: string;
  userName: (id: string) => string;
  onChanged: (updated: Case) => void;
  onStale: () => void;
}

export function CaseCard({ caseRecord, programName, userName, onChanged, onStale }: Props) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<CaseStatus | null>(null);
  const transitions = nextTransitions(caseRecord.status);
  const reasonId = `case-${caseRecord.id}-reason`;
  const headingId = `case-${caseRecord.id}-heading`;
  const reasonRequiredToClose = transitions.some((t) => t.reasonRequired);

  async function apply(transition: Transition) {
    if (busy) return;
    const trimmed = reason.trim();
    if (transition.reasonRequired && !trimmed) {
      setReasonError('Give a reason for closing (for example, declined or withdrawn).');
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    setError(null);
    setBusy(transition.to);
    try {
      const updated = await transitionCase(caseRecord, transition.to, trimmed || undefined);
      setReason('');
      onChanged(updated);
    } catch (err) {
      const apiError =
        err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: String(err) });
      if (apiError.status === 412) {
        setError(
          new ApiError({
            ...apiError,
            message: 'Someone else changed this case meanwhile. The latest version is shown; please try again.',
          }),
        );
        onStale();
      } else if (apiError.field === 'reason') {
        setReasonError(apiError.message);
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(null);
    }
  }

  const history = caseRecord.history ?? [];

  return (
    <article class={`case case-${caseRecord.status}`} aria-labelledby={headingId}>
      <div class="case-heading">
        <h3 id={headingId}>{programName}</h3>
        <span class={`status status-${caseRecord.status}`}>
          <span class="visually-hidden">Status: </span>
          {STATUS_LABELS[caseRecord.status] ?? caseRecord.status}
        </span>
      </div>
      <dl class="details compact">
        <div>
          <dt>Case manager</dt>
          <dd>{userName(caseRecord.case_manager_id)}</dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>{formatDateTime(caseRecord.opened_at)}</dd>
        </div>
        <div>
          <dt>Status since</dt>
          <dd>{formatDateTime(caseRecord.status_changed_at)}</dd>
        </div>
        {caseRecord.closed_reason ? (
          <div>
            <dt>Closed because</dt>
            <dd>{caseRecord.closed_reason}</dd>
          </div>
        ) : null}
      </dl>
      <ErrorAlert error={error} />
      {transitions.length > 0 ? (
        <div class="case-actions">
          <div class="field">
            <label for={reasonId}>
              Reason for the change{reasonRequiredToClose ? ' (required to close)' : ' (optional)'}
            </label>
            <input
              id={reasonId}
              type="text"
              value={reason}
              maxLength={500}
              onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
              {...fieldAria(reasonId, reasonError)}
            />
            <FieldError id={reasonId} message={reasonError} />
          </div>
          <div class="actions">
            {transitions.map((transition) => (
              <button
                key={transition.to}
                type="button"
                class={transition.to === 'closed' ? 'button-secondary' : undefined}
                disabled={busy !== null}
                onClick={() => apply(transition)}
              >
                {busy === transition.to ? 'Saving…' : transition.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {history.length > 0 ? (
        <details class="history">
          <summary>Status history ({history.length})</summary>
          <ol>
            {history.map((entry, index) => (
              <li key={index}>
                {formatDateTime(entry.at)}: {entry.from ? STATUS_LABELS[entry.from] ?? entry.from : 'New'} →{' '}
                {STATUS_LABELS[entry.to] ?? entry.to} by {userName(entry.by)}
                {entry.reason ? ` — ${entry.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}
