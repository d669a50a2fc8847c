// Adds an addendum to a signed note: the way to correct a note that can no longer change.

import { useState } from 'preact/hooks';
import type { Note } from '../notesApi';
import { addAddendum } from '../notesApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props {
  note: Note;
  onDone: (note: Note) => void;
  onCancel: () => void;
}

export function AddendumForm({ note, onDone, onCancel }: Props) {
  const [body, setBody] = useState('');
  const form = useApiForm(['body']);
  const id = `addendum-${note.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ body: body.trim() ? null : 'Write the addendum.' })) return;
    const updated = await form.run(() => addAddendum(note, body.trim()));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} noValidate>
      <ErrorAlert error={form.formError} />
      <TextAreaField id={id} label="Addendum" value={body} onInput={setBody} required maxLength={8000}
        hint="Corrections and late additions; the signed note itself stays as it was."
        error={form.fieldError('body')} />
      <FormActions busy={form.busy} label="Save addendum" onCancel={onCancel} />
    </form>
  );
}
