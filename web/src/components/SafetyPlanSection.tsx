// The client's safety plan: shown as lists, with the editor behind "Edit" (or "Write" for the first).
// An assessment's safety prompt links here with the editor open (`startEditing`).

import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '../format';
import { clientHref, navigate } from '../router';
import { getSafetyPlan } from '../safetyPlanApi';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';
import { SafetyPlanEditor } from './SafetyPlanEditor';

interface Props {
  clientId: string;
  refreshKey: number;
  userName: (id: string | null) => string;
  onChanged: (message: string) => void;
  /** Open the editor once the plan is loaded, and take the user to it. */
  startEditing?: boolean;
}

function List({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <dt>{title}</dt>
      <dd>
        {items.length === 0 ? (
          '—'
        ) : (
          <ul class="compact-list">
            {items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

export function SafetyPlanSection({ clientId, refreshKey, userName, onChanged, startEditing = false }: Props) {
  const answer = useResource(() => getSafetyPlan(clientId), [clientId, refreshKey]);
  const [editing, setEditing] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const plan = answer.data?.safety_plan ?? null;

  useEffect(() => {
    if (!startEditing || !answer.data) return;
    setEditing(true);
    // The link's "?safety-plan=edit" has done its work; a reload should not reopen the editor.
    navigate(clientHref(clientId), { replace: true });
    window.setTimeout(() => {
      sectionRef.current?.scrollIntoView({ block: 'start' });
      sectionRef.current?.querySelector<HTMLElement>('textarea')?.focus({ preventScroll: true });
    }, 50);
  }, [startEditing, answer.data !== null]);

  return (
    <section class="card" aria-labelledby="safety-plan-heading" ref={sectionRef}>
      <div class="card-heading">
        <h2 id="safety-plan-heading">Safety plan</h2>
        {!editing && answer.data ? (
          <button type="button" class="button-secondary" onClick={() => setEditing(true)}>
            {plan ? 'Edit safety plan' : 'Write safety plan'}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={answer.error} />
      {answer.data && !plan && !editing ? <p class="muted">No safety plan yet.</p> : null}
      {plan && !editing ? (
        <>
          <dl class="details">
            <List title="Warning signs" items={plan.warning_signs} />
            <List title="Coping steps" items={plan.coping_steps} />
            <List title="People and services to call" items={plan.contacts} />
            <div>
              <dt>Means safety</dt>
              <dd class="preline">{plan.means_safety || '—'}</dd>
            </div>
          </dl>
          <p class="muted small">
            Last changed {formatDateTime(plan.updated_at)} by {userName(plan.updated_by)}
          </p>
        </>
      ) : null}
      {editing ? (
        <SafetyPlanEditor clientId={clientId} plan={plan} onStale={answer.reload} onCancel={() => setEditing(false)}
          onDone={(saved) => {
            setEditing(false);
            answer.set({ safety_plan: saved });
            onChanged('Safety plan saved.');
          }} />
      ) : null}
    </section>
  );
}
