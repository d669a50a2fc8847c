// A failure message announced to screen readers (role="alert"); renders nothing without an error.
// A refusal that lists what is still open (`error.open_items`, e.g. closing a case) lists it too.

import type { ComponentChildren } from 'preact';
import { ApiError, errorMessage } from '../api';
import { OpenItemsList } from './OpenItemsList';

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
      {openItems.length > 0 ? <OpenItemsList items={openItems} /> : null}
      {children}
    </div>
  );
}
