// A client's cases (episodes of care) with their status and the "Open case" form. The client page
// loads the cases (the case work section uses them too); programs and users give names to ids.

import { useState } from 'preact/hooks';
import type { Case, Items, Program, User } from '../api';
import type { Resource } from '../useResource';
import { CaseCard } from './CaseCard';
import { ErrorAlert } from './ErrorAlert';
import { OpenCaseForm } from './OpenCaseForm';

const STATUS_ORDER: Record<string, number> = {
  referred: 0,
  intake: 1,
  active: 2,
  on_hold: 3,
  discharged: 4,
  closed: 5,
};

interface Props {
  clientId: string;
  cases: Resource<Items<Case>>;
  programs: Resource<Items<Program>>;
  users: Resource<Items<User>>;
  /** A case was opened or changed status: the rest of the page reads again. */
  onChanged: () => void;
}

export function CasesSection({ clientId, cases, programs, users, onChanged }: Props) {
  const [opening, setOpening] = useState(false);

  const programList: Program[] = programs.data?.items ?? [];
  const userList: User[] = users.data?.items ?? [];
  const programName = (id: string) => programList.find((p) => p.id === id)?.name ?? 'Unknown program';
  const userName = (id: string) => userList.find((u) => u.id === id)?.display_name ?? 'Unknown user';

  // Open cases first, then most recently opened.
  const items = [...(cases.data?.items ?? [])].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      b.opened_at.localeCompare(a.opened_at) ||
      (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9),
  );

  const replaceCase = (updated: Case) => {
    if (cases.data) {
      cases.set({ items: cases.data.items.map((c) => (c.id === updated.id ? updated : c)) });
    }
    // Read back the list (and the chart) too: it carries the full history whatever the transition answered.
    onChanged();
  };

  return (
    <section class="card" aria-labelledby="cases-heading">
      <div class="card-heading">
        <h2 id="cases-heading">Cases</h2>
        {!opening ? (
          <button type="button" class="button-secondary" onClick={() => setOpening(true)}>
            Open case
          </button>
        ) : null}
      </div>
      <ErrorAlert error={cases.error ?? programs.error ?? users.error} />
      {opening ? (
        <OpenCaseForm
          clientId={clientId}
          programs={programList}
          users={userList}
          onCancel={() => setOpening(false)}
          onOpened={() => {
            setOpening(false);
            onChanged();
          }}
        />
      ) : null}
      {cases.loading && !cases.data ? <p class="muted">Loading cases…</p> : null}
      {cases.data && items.length === 0 ? <p class="muted">No cases yet.</p> : null}
      <div class="case-list">
        {items.map((caseRecord) => (
          <CaseCard
            key={caseRecord.id}
            caseRecord={caseRecord}
            programName={programName(caseRecord.program_id)}
            userName={userName}
            onChanged={replaceCase}
            onStale={cases.reload}
          />
        ))}
      </div>
    </section>
  );
}
