// The message under a form field that the server (or a local check) rejected. Its id is what the
// input's aria-describedby points at, so screen readers read it with the field.

interface Props {
  id: string;
  message?: string | null;
}

export function fieldErrorId(inputId: string): string {
  return `${inputId}-error`;
}

export function FieldError({ id, message }: Props) {
  if (!message) return null;
  return (
    <p class="field-error" id={fieldErrorId(id)} role="alert">
      {message}
    </p>
  );
}

/** aria-invalid / aria-describedby for an input with an optional hint and error. */
export function fieldAria(id: string, error?: string | null, hintId?: string) {
  const describedBy = [hintId, error ? fieldErrorId(id) : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}
