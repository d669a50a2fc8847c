// The frame every form field shares: its label (with "required"), an optional hint, the control
// itself, and the error message under it. The control gets its ARIA links from `hintId`.

import type { ComponentChildren } from 'preact';
import { FieldError } from './FieldError';

interface Props {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | null;
  class?: string;
  children: ComponentChildren;
}

/** The id of a field's hint element, for aria-describedby; undefined when it has none. */
export function hintIdOf(id: string, hint?: string): string | undefined {
  return hint ? `${id}-hint` : undefined;
}

export function FieldFrame({ id, label, required, hint, error, children, ...rest }: Props) {
  const hintId = hintIdOf(id, hint);
  return (
    <div class={`field ${rest.class ?? ''}`}>
      <label for={id}>
        {label}
        {required ? <span class="required"> (required)</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={id} message={error} />
    </div>
  );
}
