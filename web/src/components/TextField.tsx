// A labelled text-like input (text, date, datetime-local, email, tel, password, search) with hint
// and error.

import { fieldAria } from './FieldError';
import { FieldFrame, hintIdOf } from './FieldFrame';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'datetime-local' | 'email' | 'tel' | 'password' | 'search';
  required?: boolean;
  error?: string | null;
  hint?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric';
  maxLength?: number;
  list?: string;
  inputRef?: (el: HTMLInputElement | null) => void;
  class?: string;
  /** Extra classes for the input itself (e.g. "mono" for ids). */
  inputClass?: string;
}

export function TextField(props: Props) {
  const { id, label, value, onInput, type = 'text', required, error, hint } = props;
  const hintId = hintIdOf(id, hint);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} class={props.class}>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        required={required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        list={props.list}
        ref={props.inputRef}
        class={props.inputClass}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        {...fieldAria(id, error, hintId)}
      />
    </FieldFrame>
  );
}
