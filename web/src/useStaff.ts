// Staff lists the case-cycle screens share: everyone (to show names instead of ids) and, for the
// supervisors' assignment forms, the active case managers and nurse case managers.

import type { Items, User } from './api';
import { listUsers } from './api';
import type { Resource } from './useResource';
import { useResource } from './useResource';

export interface Staff {
  users: Resource<Items<User>>;
  /** The display name of a user id ("—" for none, the id itself when unknown). */
  name: (id: string | null) => string;
}

export function useStaff(): Staff {
  const users = useResource(() => listUsers(), []);
  const name = (id: string | null) => {
    if (!id) return '—';
    return users.data?.items.find((u) => u.id === id)?.display_name ?? id;
  };
  return { users, name };
}

/** Active case managers and nurse case managers; loaded only when `enabled`. */
export function useCaseManagers(enabled: boolean): Resource<User[]> {
  return useResource(async () => {
    if (!enabled) return [];
    const [managers, nurses] = await Promise.all([listUsers('case_manager'), listUsers('nurse_case_manager')]);
    return [...managers.items, ...nurses.items]
      .filter((user) => user.active)
      .sort((a, b) => a.display_name.localeCompare(b.display_name));
  }, [enabled]);
}
