// The people of a supervisor's team with how many worklist items each has open and overdue; a
// person's name shows only their items.

import type { TeamMember } from '../worklistApi';
import { OverdueBadge } from './OverdueBadge';

interface Props {
  people: TeamMember[];
  /** The person whose items are shown ("" for everyone). */
  selected: string;
  onSelect: (userId: string) => void;
}

export function TeamPeopleTable({ people, selected, onSelect }: Props) {
  if (people.length === 0) return <p class="muted">No one on your team yet.</p>;
  return (
    <div class="table-wrap">
      <table class="team-table">
        <caption class="visually-hidden">People on your team</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" class="numeric">Open</th>
            <th scope="col" class="numeric">Overdue</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.user_id} class={person.overdue > 0 ? 'row-overdue' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  class="link-button"
                  aria-pressed={selected === person.user_id}
                  onClick={() => onSelect(selected === person.user_id ? '' : person.user_id)}
                >
                  {person.name}
                </button>
              </th>
              <td class="numeric">{person.open}</td>
              <td class="numeric">
                {person.overdue}
                {person.overdue > 0 ? <OverdueBadge /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
