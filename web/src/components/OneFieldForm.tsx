// A step that needs one piece of text (a follow-up note, an outcome, a reason): the field, a
// submit button and Cancel. The caller makes the call; its error shows under the field when it
// names `field`, above it otherwise.

import { useState } from 'preact/hooks';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props<T> {
  id: string;
  /** The API's name for the field, to place its errors. */
  field: string;
  label: string;
  submitLabel: string;
  /** Said under the empty field when the user submits without text. */
  emptyMessage: string;
  hint?: string;
  call: (text: string) => Promise<T>;
  onDone: (result: T) => void;
  onStale?: () => void;
  onCancel: () => void;
}

export function OneFieldForm<T>(props: Props<T>) {
  const [text, setText] = useState('');
  const form = useApiForm([props.field], props.onStale);

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ [props.field]: text.trim() ? null : props.emptyMessage })) return;
    const result = await form.run(() => props.call(text.trim()));
    if (result !== undefined) props.onDone(result);
  }

  return (
    <form class="subform" onSubmit={submit} noValidate>
      <ErrorAlert error={form.formError} />
      <TextAreaField id={props.id} label={props.label} value={text} onInput={setText} required rows={2}
        maxLength={4000} hint={props.hint} error={form.fieldError(props.field)} />
      <FormActions busy={form.busy} label={props.submitLabel} onCancel={props.onCancel} />
    </form>
  );
}
