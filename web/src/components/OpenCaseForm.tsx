// Form to open a new case (episode of care) for a client in a program; it starts at "referred".

import { useState } from 'preact/hooks';
import type { Case, Program, User } from '../api';
import { ApiError, openCase } from '../api';
import { ROLE_LABELS } from '../format';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';

interface Props {
  clientId: string;
  programs: Program[];
  users: User[];
  onOpened: (opened: Case) => void;
  onCancel: () => void;
}

const CASE_MANAGING_ROLES = new Set(['case_manager', 'nurse_case_manager', 'supervisor']);

export function OpenCaseForm({ clientId, programs, users, onOpened, onCancel }: Props) {
  const activePrograms = programs.filter((program) => program.active);
  const managers = users.filter((user) => user.active && CASE_MANAGING_ROLES.has(user.role));
  const [programId, setProgramId] = useState('');
  const [managerId, setManagerId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!programId) {
      setLocalError('Choose a program.');
      return;
    }
    setLocalError(null);
    setBusy(true);
    setError(null);
    try {
      const opened = await openCase({
        client_id: clientId,
        program_id: programId,
        ...(managerId ? { case_manager_id: managerId } : {}),
      });
      onOpened(opened);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const programError =
    localError ?? (error && error.field === 'program_id' ? error.message : null);
  const managerError = error && error.field === 'case_manager_id' ? error.message : null;
  const unplaced = error && error.field !== 'program_id' && error.field !== 'case_manager_id' ? error : null;

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="open-case-heading" noValidate>
      <h3 id="open-case-heading">Open case</h3>
      {unplaced ? (
        <ErrorAlert>
          <p>
            {unplaced.code === 'already_exists'
              ? 'This client already has a case in that program that is not closed.'
              : unplaced.message}
          </p>
        </ErrorAlert>
      ) : null}
      {activePrograms.length === 0 ? (
        <p class="muted">No active programs yet. An administrator must create one first.</p>
      ) : null}
      <div class="form-grid">
        <SelectField
          id="case-program"
          label="Program"
          required
          value={programId}
          onChange={setProgramId}
          error={programError}
          options={[
            { value: '', label: 'Choose a program…' },
            ...activePrograms.map((program) => ({ value: program.id, label: program.name })),
          ]}
        />
        <SelectField
          id="case-manager"
          label="Case manager"
          value={managerId}
          onChange={setManagerId}
          error={managerError}
          options={[
            { value: '', label: 'Me' },
            ...managers.map((user) => ({
              value: user.id,
              label: `${user.display_name} (${ROLE_LABELS[user.role] ?? user.role})`,
            })),
          ]}
        />
      </div>
      <FormActions busy={busy} label="Open case" busyLabel="Opening…" disabled={activePrograms.length === 0}
        onCancel={onCancel} />
    </form>
  );
}
