// A labelled whole-number input with hint and error. The value stays text while it is typed, so
// an empty or half-typed field can be told apart from 0; the form reads it with `wholeNumber`.

import { fieldAria } from './FieldError';
import { FieldFrame, hintIdOf } from './FieldFrame';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  min?: number;
  max?: number;
  step?: number;
  required?: boolean;
  error?: string | null;
  hint?: string;
  class?: string;
}

/** The whole number typed, or null when the text is not one. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function NumberField(props: Props) {
  const { id, label, value, onInput, required, error, hint } = props;
  const hintId = hintIdOf(id, hint);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} class={props.class}>
      <input
        id={id}
        name={id}
        type="number"
        inputMode="numeric"
        value={value}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        required={required}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        {...fieldAria(id, error, hintId)}
      />
    </FieldFrame>
  );
}
