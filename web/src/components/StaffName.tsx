// A staff member in an audit row: display name and role when known, else the raw id.

import type { User } from '../api';
import { ROLE_LABELS } from '../format';

interface Props {
  userId: string | null;
  users: User[];
}

export function StaffName({ userId, users }: Props) {
  if (!userId) return <span class="muted">No signed-in user</span>;
  const found = users.find((user) => user.id === userId);
  if (!found) return <span class="mono small id">{userId}</span>;
  return (
    <>
      {found.display_name}
      <div class="muted small">{ROLE_LABELS[found.role] ?? found.role}</div>
    </>
  );
}
