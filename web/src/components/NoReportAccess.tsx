// Shown on a report screen to a role that does not read it, instead of calling the API only to be
// refused: who reads it, and the way to the user's own start page.

import { useEffect } from 'preact/hooks';
import type { Role } from '../api';
import { homeHash } from '../access';
import { setTitle } from '../format';

interface Props {
  role: Role;
  title: string;
  /** Who does see the screen ("Only supervisors see a team dashboard"). */
  readers: string;
}

export function NoReportAccess({ role, title, readers }: Props) {
  useEffect(() => setTitle(title), [title]);
  return (
    <div>
      <div class="page-heading">
        <h1>{title}</h1>
      </div>
      <div class="alert alert-info notice-card" role="status">
        <h2>{readers}</h2>
        <p>
          {role === 'case_manager' || role === 'nurse_case_manager'
            ? 'What you owe, with every clock of your cases, is on your worklist.'
            : 'Your role has no reports.'}
        </p>
        <p>
          <a href={homeHash(role)}>Go to your start page</a>
        </p>
      </div>
    </div>
  );
}
