// Gives a referral to a case manager (supervisors), which opens a case at "referred" for them.

import { useState } from 'preact/hooks';
import type { User } from '../api';
import { ROLE_LABELS } from '../format';
import type { Referral } from '../referralApi';
import { assignReferral } from '../referralApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';

interface Props {
  referral: Referral;
  /** Active case managers and nurse case managers (GET /users?role=...). */
  caseManagers: User[];
  onDone: (updated: Referral) => void;
  onStale: () => void;
  onCancel: () => void;
}

export function ReferralAssignForm({ referral, caseManagers, onDone, onStale, onCancel }: Props) {
  const [managerId, setManagerId] = useState('');
  const form = useApiForm(['case_manager_id'], onStale);
  const id = (name: string) => `assign-${referral.id}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ case_manager_id: managerId ? null : 'Choose a case manager.' })) return;
    const updated = await form.run(() => assignReferral(referral, managerId));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h3 id={id('heading')}>Assign to a case manager</h3>
      <ErrorAlert error={form.formError} />
      <SelectField id={id('manager')} label="Case manager" value={managerId} onChange={setManagerId} required
        error={form.fieldError('case_manager_id')} class="narrow"
        options={[
          { value: '', label: 'Choose a case manager…' },
          ...caseManagers.map((u) => ({ value: u.id, label: `${u.display_name} (${ROLE_LABELS[u.role] ?? u.role})` })),
        ]} />
      <FormActions busy={form.busy} label="Assign" busyLabel="Assigning…" onCancel={onCancel} />
    </form>
  );
}
