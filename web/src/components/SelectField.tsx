// A labelled <select> with an optional error message.

import { fieldAria } from './FieldError';
import { FieldFrame, hintIdOf } from './FieldFrame';

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
  const hintId = hintIdOf(id, hint);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} class={props.class}>
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
    </FieldFrame>
  );
}
