// A labelled multi-line text input with hint and error.

import { FieldError, fieldAria } from './FieldError';

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
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id}>
        {label}
        {required ? <span class="required"> (required)</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
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
      <FieldError id={id} message={error} />
    </div>
  );
}
