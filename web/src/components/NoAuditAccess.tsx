// Shown at #/audit to everyone but auditors: the audit trail is theirs alone.

import { useEffect } from 'preact/hooks';
import type { Role } from '../api';
import { homeHash } from '../access';
import { setTitle } from '../format';

export function NoAuditAccess({ role }: { role: Role }) {
  useEffect(() => setTitle('Audit trail'), []);
  return (
    <div>
      <div class="page-heading">
        <h1>Audit trail</h1>
      </div>
      <div class="alert alert-info notice-card">
        <h2>Only auditors can search the audit trail</h2>
        <p>
          The organization's audit trail is open to auditors only. Each client's page shows who accessed
          that client, under "Access to this client".
        </p>
        <p>
          <a href={homeHash(role)}>Go to your start page</a>
        </p>
      </div>
    </div>
  );
}
