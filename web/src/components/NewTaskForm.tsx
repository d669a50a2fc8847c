// The small "New task" form: a title, when it is due, a priority and details. On a client's page
// the task is linked to the client (and case); supervisors may give it to someone on their team.

import { useState } from 'preact/hooks';
import { PRIORITY_LABELS } from '../cycleLabels';
import { localInputToUtc, nowLocalInput } from '../format';
import { useApiForm } from '../useApiForm';
import type { Priority, Task, TaskInput } from '../worklistApi';
import { createTask, PRIORITIES } from '../worklistApi';
import { ErrorAlert } from './ErrorAlert';
import type { Option } from './SelectField';
import { FormActions } from './FormActions';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  /** Prefix of the inputs' ids, so two forms may share a page. */
  idPrefix?: string;
  clientId?: string;
  caseId?: string;
  /** People the task may be given to besides the signed-in user (supervisors only). */
  assignees?: Option[];
  onCreated: (task: Task) => void;
  onCancel?: () => void;
}

const FIELDS = ['title', 'due_at', 'priority', 'details', 'assignee_id'];

export function NewTaskForm({ idPrefix = 'task', clientId, caseId, assignees, onCreated, onCancel }: Props) {
  const [title, setTitle] = useState('');
  // A day from now is the usual default for a to-do.
  const [due, setDue] = useState(() => nowLocalInput(24 * 60).slice(0, 16));
  const [priority, setPriority] = useState<Priority>('normal');
  const [details, setDetails] = useState('');
  const [assignee, setAssignee] = useState('');
  const form = useApiForm(FIELDS);
  const id = (name: string) => `${idPrefix}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    const dueAt = localInputToUtc(due);
    if (!form.check({ title: title.trim() ? null : 'Say what is to be done.', due_at: dueAt ? null : 'Give a due date and time.' })) {
      return;
    }
    const input: TaskInput = { title: title.trim(), due_at: dueAt!, priority };
    if (details.trim()) input.details = details.trim();
    if (assignee) input.assignee_id = assignee;
    if (clientId) input.client_id = clientId;
    if (caseId) input.case_id = caseId;
    const created = await form.run(() => createTask(input));
    if (created) {
      setTitle('');
      setDetails('');
      onCreated(created);
    }
  }

  const headingId = id('heading');
  return (
    <form class="subform" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>New task</h3>
      <ErrorAlert error={form.formError} />
      <div class="form-grid">
        <TextField id={id('title')} label="Task" value={title} onInput={setTitle} required maxLength={200}
          error={form.fieldError('title')} autoComplete="off" class="wide" />
        <TextField id={id('due')} type="datetime-local" label="Due" value={due} onInput={setDue} required
          error={form.fieldError('due_at')} />
        <SelectField id={id('priority')} label="Priority" value={priority}
          onChange={(value) => setPriority(value as Priority)} error={form.fieldError('priority')}
          options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} />
        {assignees && assignees.length > 0 ? (
          <SelectField id={id('assignee')} label="Assign to" value={assignee} onChange={setAssignee}
            error={form.fieldError('assignee_id')} options={[{ value: '', label: 'Me' }, ...assignees]} />
        ) : null}
        <TextField id={id('details')} label="Details" value={details} onInput={setDetails} maxLength={2000}
          error={form.fieldError('details')} autoComplete="off" class="wide" />
      </div>
      <FormActions busy={form.busy} label="Add task" onCancel={onCancel} />
    </form>
  );
}
