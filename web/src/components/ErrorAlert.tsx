// A failure message announced to screen readers (role="alert"); renders nothing without an error.
// A refusal that lists what is still open (`error.open_items`, e.g. closing a case) lists it too.

import type { ComponentChildren } from 'preact';
import { ApiError, errorMessage } from '../api';
import { labelOf, OPEN_ITEM_LABELS } from '../cycleLabels';

interface Props {
  error?: unknown;
  children?: ComponentChildren;
  id?: string;
}

export function ErrorAlert({ error, children, id }: Props) {
  if (!error && !children) return null;
  const openItems = error instanceof ApiError ? error.open_items : [];
  return (
    <div class="alert alert-error" role="alert" id={id}>
      {error ? <p>{errorMessage(error)}</p> : null}
      {openItems.length > 0 ? (
        <ul class="open-items">
          {openItems.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <span class="muted">{labelOf(OPEN_ITEM_LABELS, item.kind)}:</span> {item.title}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
