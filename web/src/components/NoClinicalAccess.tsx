// Shown instead of the client screens to roles without clinical access (directors,
// administrators, auditors): a plain explanation rather than the server's 403.

import { useEffect } from 'preact/hooks';
import type { Role } from '../api';
import { canReadAudit } from '../access';
import { ROLE_LABELS, setTitle } from '../format';
import { href } from '../router';

export function NoClinicalAccess({ role }: { role: Role }) {
  useEffect(() => setTitle('Client records'), []);
  const roleName = (ROLE_LABELS[role] ?? role).toLowerCase();
  return (
    <div>
      <div class="page-heading">
        <h1>Client records</h1>
      </div>
      <div class="alert alert-info notice-card">
        <h2>Your role has no access to client records</h2>
        <p>
          You are signed in as {/^[aeiou]/.test(roleName) ? 'an' : 'a'} {roleName}. Client records, their contacts
          and cases are open only to the case managers, nurse case managers and supervisors who work with the
          client, so Caseboard does not show them to your role.
        </p>
        {canReadAudit(role) ? (
          <p>
            To review who opened, changed or was refused client records, use the{' '}
            <a href={href('/audit')}>audit trail</a>.
          </p>
        ) : null}
      </div>
    </div>
  );
}
