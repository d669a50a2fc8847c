// The heading of a worklist page (the user's own or a supervisor's team): its title, Refresh, and
// New task, which opens the new-task form under the heading.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Task } from '../worklistApi';
import { NewTaskForm } from './NewTaskForm';
import type { Option } from './SelectField';

interface Props {
  title: string;
  subtitle: ComponentChildren;
  loading: boolean;
  onRefresh: () => void;
  /** Prefix of the new-task form's input ids. */
  taskIdPrefix?: string;
  /** People a new task may be given to besides the signed-in user (supervisors only). */
  assignees?: Option[];
  onTaskCreated: (task: Task) => void;
}

export function WorklistHeading({ title, subtitle, loading, onRefresh, taskIdPrefix, assignees, onTaskCreated }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <div class="page-heading with-action">
        <div>
          <h1>{title}</h1>
          <p class="subtitle">{subtitle}</p>
        </div>
        <div class="actions">
          <button type="button" class="button-secondary" onClick={onRefresh} disabled={loading}>
            Refresh
          </button>
          {!adding ? (
            <button type="button" onClick={() => setAdding(true)}>
              New task
            </button>
          ) : null}
        </div>
      </div>
      {adding ? (
        <section class="card" aria-label="New task">
          <NewTaskForm
            idPrefix={taskIdPrefix}
            assignees={assignees}
            onCancel={() => setAdding(false)}
            onCreated={(task) => {
              setAdding(false);
              onTaskCreated(task);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
