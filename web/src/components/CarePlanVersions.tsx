// A care plan's versions, newest first: when, by whom, the note, and what changed from the version
// before as a readable difference — "Goal “Find housing” · % achieved: 10% → 50%", items added or
// removed. The newest few are shown; the rest behind "Show all".

import { useState } from 'preact/hooks';
import type { CarePlan, CarePlanVersion } from '../carePlanApi';
import { readableChange } from '../carePlanLabels';
import { formatDateTime } from '../format';

interface Props {
  versions: CarePlanVersion[];
  plan: CarePlan | null;
  userName: (id: string | null) => string;
  idPrefix: string;
}

const SHOWN = 3;

function Change({ change, plan }: { change: CarePlanVersion['changes'][number]; plan: CarePlan | null }) {
  const readable = readableChange(change, plan);
  if (readable.kind === 'added') {
    return (
      <li class="plan-change plan-change-added">
        <span class="badge badge-added">Added</span> {readable.item}: <ins>{readable.after}</ins>
      </li>
    );
  }
  if (readable.kind === 'removed') {
    return (
      <li class="plan-change plan-change-removed">
        <span class="badge badge-removed">Removed</span> {readable.item}: <del>{readable.before}</del>
      </li>
    );
  }
  return (
    <li class="plan-change">
      <span class="plan-change-where">
        {readable.item}
        {readable.field ? <> · {readable.field}</> : null}:
      </span>{' '}
      <span class="plan-change-values">
        <del>
          <span class="visually-hidden">before: </span>
          {readable.before ?? '(none)'}
        </del>{' '}
        <span aria-hidden="true">→</span>{' '}
        <ins>
          <span class="visually-hidden">after: </span>
          {readable.after ?? '(none)'}
        </ins>
      </span>
      <code class="plan-change-path muted small">{change.path}</code>
    </li>
  );
}

export function CarePlanVersions({ versions, plan, userName, idPrefix }: Props) {
  const [all, setAll] = useState(false);
  const shown = all ? versions : versions.slice(0, SHOWN);
  return (
    <div class="plan-versions">
      <ol class="plain-list plan-version-list">
        {shown.map((version) => {
          const headingId = `${idPrefix}-version-${version.version}`;
          return (
            <li key={version.version}>
              <article class="record plan-version" aria-labelledby={headingId}>
                <div class="record-heading">
                  <h4 id={headingId}>Version {version.version}</h4>
                  <span class="muted small">
                    {formatDateTime(version.changed_at)} by {userName(version.changed_by)}
                  </span>
                </div>
                {version.note ? <p class="preline plan-version-note">“{version.note}”</p> : null}
                {version.changes.length === 0 ? (
                  <p class="muted small">No changes to the needs, goals or interventions.</p>
                ) : (
                  <ul class="plan-changes" aria-label={`Changes in version ${version.version}`}>
                    {version.changes.map((change, index) => (
                      <Change key={index} change={change} plan={plan} />
                    ))}
                  </ul>
                )}
              </article>
            </li>
          );
        })}
      </ol>
      {versions.length > SHOWN ? (
        <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show the newest versions only' : `Show all ${versions.length} versions`}
        </button>
      ) : null}
    </div>
  );
}
