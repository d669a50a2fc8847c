// A labelled multi-line text input with hint and error.

import { fieldAria } from './FieldError';
import { FieldFrame, hintIdOf } from './FieldFrame';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  error?: string | null;
  hint?: string;
  rows?: number;
  minLength?: number;
  maxLength?: number;
  class?: string;
}

export function TextAreaField(props: Props) {
  const { id, label, value, onInput, required, error, hint } = props;
  const hintId = hintIdOf(id, hint);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} class={props.class}>
      <textarea
        id={id}
        name={id}
        value={value}
        rows={props.rows ?? 3}
        required={required}
        minLength={props.minLength}
        maxLength={props.maxLength}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        {...fieldAria(id, error, hintId)}
      />
    </FieldFrame>
  );
}
