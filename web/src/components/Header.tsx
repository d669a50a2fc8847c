// The banner on every signed-in screen: product name, main navigation (only the screens the
// user's role works with), who is signed in, their second-factor page, sign out.

import type { User } from '../api';
import { canReadAudit, canSeeOutcomes, canSeeTeam, canSeeTeamDashboard, hasClinicalAccess, homeHash, usesDirectory } from '../access';
import { ROLE_LABELS } from '../format';
import { href } from '../router';

/** The main-navigation entry of the screen shown (marked aria-current). */
export type HeaderCurrent =
  | 'worklist'
  | 'team'
  | 'team-dashboard'
  | 'referrals'
  | 'clients'
  | 'client-new'
  | 'directory'
  | 'outcomes'
  | 'audit'
  | 'security'
  | 'other';

interface Props {
  user: User;
  current: HeaderCurrent;
  onSignOut: () => void;
  signingOut: boolean;
}

export function Header({ user, current, onSignOut, signingOut }: Props) {
  const clinical = hasClinicalAccess(user.role);
  const auditor = canReadAudit(user.role);
  return (
    <header class="app-header">
      <div class="app-header-inner">
        <a class="brand" href={homeHash(user.role)}>
          Caseboard
        </a>
        <nav aria-label="Main">
          <ul>
            {clinical ? (
              <>
                <li>
                  <a href={href('/worklist')} aria-current={current === 'worklist' ? 'page' : undefined}>
                    Worklist
                  </a>
                </li>
                {canSeeTeam(user.role) ? (
                  <li>
                    <a href={href('/worklist/team')} aria-current={current === 'team' ? 'page' : undefined}>
                      Team
                    </a>
                  </li>
                ) : null}
                {canSeeTeamDashboard(user.role) ? (
                  <li>
                    <a href={href('/team-dashboard')} aria-current={current === 'team-dashboard' ? 'page' : undefined}>
                      Dashboard
                    </a>
                  </li>
                ) : null}
                <li>
                  <a href={href('/referrals')} aria-current={current === 'referrals' ? 'page' : undefined}>
                    Referrals
                  </a>
                </li>
              </>
            ) : null}
            {/* Auditors have no client screens; directors and administrators see why on the list. */}
            {!auditor ? (
              <li>
                <a href={href('/clients')} aria-current={current === 'clients' ? 'page' : undefined}>
                  Clients
                </a>
              </li>
            ) : null}
            {clinical ? (
              <li>
                <a
                  href={href('/clients/new')}
                  aria-current={current === 'client-new' ? 'page' : undefined}
                >
                  New client
                </a>
              </li>
            ) : null}
            {usesDirectory(user.role) ? (
              <li>
                <a href={href('/directory')} aria-current={current === 'directory' ? 'page' : undefined}>
                  Directory
                </a>
              </li>
            ) : null}
            {canSeeOutcomes(user.role) ? (
              <li>
                <a href={href('/outcomes')} aria-current={current === 'outcomes' ? 'page' : undefined}>
                  Outcomes
                </a>
              </li>
            ) : null}
            {auditor ? (
              <li>
                <a href={href('/audit')} aria-current={current === 'audit' ? 'page' : undefined}>
                  Audit trail
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
        <div class="user-box">
          <span class="user-name">{user.display_name}</span>
          <span class="user-role">{ROLE_LABELS[user.role] ?? user.role}</span>
          <a
            class="user-link"
            href={href('/security')}
            aria-current={current === 'security' ? 'page' : undefined}
          >
            Second factor
          </a>
          <button type="button" class="button-secondary" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
