// One progress note: contact type and time of service, when it was written and signed (late when
// signed past the program's limit), the text and structured parts, addenda, and its next step —
// sign a draft (author), add an addendum to a signed note, co-sign (supervisors).

import { useState } from 'preact/hooks';
import type { User } from '../api';
import { errorMessage } from '../api';
import { CONTACT_TYPE_LABELS, labelOf } from '../cycleLabels';
import { formatDateTime } from '../format';
import type { Note } from '../notesApi';
import { cosignNote, NOTE_FIELD_KEYS, signNote } from '../notesApi';
import { AddendumForm } from './AddendumForm';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  note: Note;
  user: User;
  userName: (id: string | null) => string;
  onChanged: (note: Note, message: string) => void;
  onStale: () => void;
}

const FIELD_LABELS: Record<string, string> = {
  purpose: 'Purpose',
  observations: 'Observations',
  interventions: 'Interventions',
  client_response: 'Client’s response',
  plan: 'Plan',
};

export function NoteCard({ note, user, userName, onChanged, onStale }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const headingId = `note-${note.id}-heading`;
  const canSign = note.status === 'draft' && note.author_id === user.id;
  const canCosign = user.role === 'supervisor' && note.status === 'signed' && note.cosign_required && !note.cosigned_at;
  const fields = NOTE_FIELD_KEYS.filter((key) => note.fields?.[key]);

  async function act(call: () => Promise<Note>, message: string) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call(), message);
    } catch (err) {
      setError(errorMessage(err));
      onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class={`record note note-${note.status}`} aria-labelledby={headingId}>
      <div class="record-heading">
        <h3 id={headingId}>
          {labelOf(CONTACT_TYPE_LABELS, note.contact_type)} · {formatDateTime(note.service_at)}
        </h3>
        <span>
          <span class={`badge badge-status badge-note-${note.status}`}>{note.status === 'signed' ? 'Signed' : 'Draft'}</span>
          {note.late ? <span class="badge badge-late">Late</span> : null}
          {note.cosign_required && !note.cosigned_at ? <span class="badge badge-attention">Awaiting co-signature</span> : null}
        </span>
      </div>
      <p class="muted small">
        By {userName(note.author_id)}, written {formatDateTime(note.written_at)}
        {note.signed_at ? `, signed ${formatDateTime(note.signed_at)}` : ''}
        {note.cosigned_at ? `, co-signed by ${userName(note.cosigned_by)} ${formatDateTime(note.cosigned_at)}` : ''}
      </p>
      <p class="preline">{note.body}</p>
      {fields.length > 0 ? (
        <dl class="details compact">
          {fields.map((key) => (
            <div key={key}>
              <dt>{FIELD_LABELS[key]}</dt>
              <dd class="preline">{note.fields?.[key]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {note.addenda.length > 0 ? (
        <ul class="addenda">
          {note.addenda.map((addendum) => (
            <li key={addendum.id}>
              <span class="muted small">
                Addendum by {userName(addendum.author_id)}, {formatDateTime(addendum.written_at)}:
              </span>{' '}
              <span class="preline">{addendum.body}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorAlert error={new Error(error)} /> : null}
      {!adding && (canSign || canCosign || note.status === 'signed') ? (
        <div class="actions">
          {canSign ? (
            <button type="button" disabled={busy} onClick={() => act(() => signNote(note), 'Note signed.')}>
              {busy ? 'Signing…' : 'Sign note'}
            </button>
          ) : null}
          {canCosign ? (
            <button type="button" disabled={busy} onClick={() => act(() => cosignNote(note), 'Note co-signed.')}>
              {busy ? 'Saving…' : 'Co-sign'}
            </button>
          ) : null}
          {note.status === 'signed' ? (
            <button type="button" class="button-secondary" onClick={() => setAdding(true)}>
              Add addendum
            </button>
          ) : null}
        </div>
      ) : null}
      {adding ? (
        <AddendumForm note={note} onCancel={() => setAdding(false)}
          onDone={(updated) => {
            setAdding(false);
            onChanged(updated, 'Addendum added.');
          }} />
      ) : null}
    </article>
  );
}
