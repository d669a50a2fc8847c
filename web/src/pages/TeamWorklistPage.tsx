// A supervisor's team worklist: how many items each person (the supervisor and everyone they
// supervise) has open and overdue, and all their items, most urgent first, with who owes each.
// Supervisors may also give a task to someone on the team from here. `?person=` opens it showing
// one person's items (the team dashboard links here so).

import { useEffect, useState } from 'preact/hooks';
import type { User } from '../api';
import { canSeeTeam, homeHash } from '../access';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/SelectField';
import { TeamPeopleTable } from '../components/TeamPeopleTable';
import { WorklistHeading } from '../components/WorklistHeading';
import { WorklistSummary } from '../components/WorklistSummary';
import { WorklistTable } from '../components/WorklistTable';
import { setTitle } from '../format';
import type { Location } from '../router';
import { useResource } from '../useResource';
import { getTeamWorklist } from '../worklistApi';

export function TeamWorklistPage({ user, location }: { user: User; location: Location }) {
  const allowed = canSeeTeam(user.role);
  const team = useResource(() => (allowed ? getTeamWorklist() : Promise.resolve(null)), [allowed]);
  const asked = location.query.get('person') ?? '';
  const [person, setPerson] = useState(asked);
  useEffect(() => setPerson(asked), [asked]);
  const [message, setMessage] = useState('');

  useEffect(() => setTitle('Team worklist'), []);

  if (!allowed) {
    return (
      <div>
        <div class="page-heading">
          <h1>Team worklist</h1>
        </div>
        <div class="alert alert-info notice-card">
          <h2>Only supervisors see a team worklist</h2>
          <p>
            Your own items are on <a href={homeHash(user.role)}>your worklist</a>.
          </p>
        </div>
      </div>
    );
  }

  const data = team.data;
  const people = data?.people ?? [];
  const items = (data?.items ?? []).filter((item) => !person || item.assignee_id === person);
  const others = people.filter((p) => p.user_id !== user.id).map((p) => ({ value: p.user_id, label: p.name }));

  return (
    <div>
      <WorklistHeading title="Team worklist" subtitle="You and the staff you supervise, most urgent first."
        loading={team.loading} onRefresh={team.reload} taskIdPrefix="team-task" assignees={others}
        onTaskCreated={(task) => {
          setMessage(`Task added: ${task.title}.`);
          team.reload();
        }} />
      <ErrorAlert error={team.error} />
      <div>
        <section class="card team-people" aria-labelledby="team-people-heading">
          <h2 id="team-people-heading">People</h2>
          {data ? <TeamPeopleTable people={people} selected={person} onSelect={setPerson} /> : null}
        </section>
        <section class="card" aria-labelledby="team-items-heading">
          <div class="card-heading">
            <h2 id="team-items-heading">Items</h2>
            <SelectField id="team-person" label="Show" value={person} onChange={setPerson} class="inline-field"
              options={[{ value: '', label: 'Everyone' }, ...people.map((p) => ({ value: p.user_id, label: p.name }))]} />
          </div>
          <WorklistSummary worklist={data ? { as_of: data.as_of, items } : null} loading={team.loading} message={message} />
          {items.length > 0 ? (
            <WorklistTable items={items} asOf={data?.as_of} caption="Team worklist" showAssignee />
          ) : null}
        </section>
      </div>
    </div>
  );
}
