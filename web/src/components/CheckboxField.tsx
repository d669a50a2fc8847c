// A labelled checkbox with an optional error message.

import { FieldError, fieldAria } from './FieldError';

interface Props {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null;
}

export function CheckboxField({ id, label, checked, onChange, error }: Props) {
  return (
    <div class="field field-checkbox">
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        {...fieldAria(id, error)}
      />
      <label for={id}>{label}</label>
      <FieldError id={id} message={error} />
    </div>
  );
}
