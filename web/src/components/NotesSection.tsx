// The client's progress notes, newest service first, each with its next step.

import type { User } from '../api';
import { listNotes } from '../notesApi';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';
import { NoteCard } from './NoteCard';

interface Props {
  clientId: string;
  refreshKey: number;
  user: User;
  userName: (id: string | null) => string;
  onChanged: (message: string) => void;
}

export function NotesSection({ clientId, refreshKey, user, userName, onChanged }: Props) {
  const notes = useResource(() => listNotes(clientId), [clientId, refreshKey]);
  const items = notes.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Progress notes</h2>
      <ErrorAlert error={notes.error} />
      {notes.loading && !notes.data ? <p class="muted">Loading notes…</p> : null}
      {notes.data && items.length === 0 ? <p class="muted">No notes yet. Use “Write note” above after a contact.</p> : null}
      <div class="record-list">
        {items.map((note) => (
          <NoteCard key={note.id} note={note} user={user} userName={userName} onStale={notes.reload}
            onChanged={(_, message) => onChanged(message)} />
        ))}
      </div>
    </section>
  );
}
