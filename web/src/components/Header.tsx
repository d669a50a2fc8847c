// The banner on every signed-in screen: product name, main navigation, who is signed in, sign out.

import type { User } from '../api';
import { ROLE_LABELS } from '../format';
import { href } from '../router';

interface Props {
  user: User;
  current: 'clients' | 'client-new' | 'other';
  onSignOut: () => void;
  signingOut: boolean;
}

export function Header({ user, current, onSignOut, signingOut }: Props) {
  return (
    <header class="app-header">
      <div class="app-header-inner">
        <a class="brand" href={href('/clients')}>
          Caseboard
        </a>
        <nav aria-label="Main">
          <ul>
            <li>
              <a href={href('/clients')} aria-current={current === 'clients' ? 'page' : undefined}>
                Clients
              </a>
            </li>
            <li>
              <a
                href={href('/clients/new')}
                aria-current={current === 'client-new' ? 'page' : undefined}
              >
                New client
              </a>
            </li>
          </ul>
        </nav>
        <div class="user-box">
          <span class="user-name">{user.display_name}</span>
          <span class="user-role">{ROLE_LABELS[user.role] ?? user.role}</span>
          <button type="button" class="button-secondary" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
