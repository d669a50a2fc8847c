// A labelled <select> with an optional error message.

import { FieldError, fieldAria } from './FieldError';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | null;
  hint?: string;
  class?: string;
}

export function SelectField(props: Props) {
  const { id, label, value, options, onChange, required, error, hint } = props;
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
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
        {...fieldAria(id, error, hintId)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}
