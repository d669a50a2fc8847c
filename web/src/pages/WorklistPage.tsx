// The clinical home page: "what do I owe today?" — the signed-in user's worklist (their open tasks
// and the clocks of their open cases, most urgent first), a small form for a new task, and a
// button to mark a task made by hand done.

import { useEffect, useState } from 'preact/hooks';
import type { User } from '../api';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { WorklistHeading } from '../components/WorklistHeading';
import { WorklistSummary } from '../components/WorklistSummary';
import { WorklistTable } from '../components/WorklistTable';
import { setTitle } from '../format';
import { useResource } from '../useResource';
import type { WorklistItem } from '../worklistApi';
import { completeTask, getWorklist, listTasks } from '../worklistApi';

export function WorklistPage({ user }: { user: User }) {
  const worklist = useResource(() => getWorklist(), []);
  // Open tasks carry the versions that completing them needs (If-Match), for items that lack
  // `task_version`.
  const tasks = useResource(() => listTasks('open'), []);
  const [completing, setCompleting] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => setTitle('My worklist'), []);

  function reload() {
    worklist.reload();
    tasks.reload();
  }

  async function complete(item: WorklistItem) {
    const task =
      item.task_id && typeof item.task_version === 'number'
        ? { id: item.task_id, version: item.task_version, title: item.title }
        : tasks.data?.items.find((t) => t.id === item.task_id);
    setActionError(null);
    setMessage('');
    if (!task) {
      setActionError('This task changed meanwhile. The list was read again; please try again.');
      reload();
      return;
    }
    setCompleting(task.id);
    try {
      await completeTask(task);
      setMessage(`Done: ${task.title}.`);
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setCompleting(null);
      reload();
    }
  }

  const data = worklist.data;
  return (
    <div>
      <WorklistHeading title="My worklist" subtitle={`What ${user.display_name} owes, most urgent first.`}
        loading={worklist.loading} onRefresh={reload}
        onTaskCreated={(task) => {
          setMessage(`Task added: ${task.title}.`);
          reload();
        }} />
      <ErrorAlert error={worklist.error} />
      {actionError ? <ErrorAlert error={new Error(actionError)} /> : null}
      <section class="card" aria-labelledby="worklist-heading">
        <h2 id="worklist-heading" class="visually-hidden">
          Items
        </h2>
        <WorklistSummary worklist={data} loading={worklist.loading} message={message} />
        {data && data.items.length > 0 ? (
          <WorklistTable items={data.items} asOf={data.as_of} caption="My worklist" onComplete={complete}
            completing={completing} />
        ) : null}
      </section>
    </div>
  );
}
