// A failure message announced to screen readers (role="alert"); renders nothing without an error.

import type { ComponentChildren } from 'preact';
import { errorMessage } from '../api';

interface Props {
  error?: unknown;
  children?: ComponentChildren;
  id?: string;
}

export function ErrorAlert({ error, children, id }: Props) {
  if (!error && !children) return null;
  return (
    <div class="alert alert-error" role="alert" id={id}>
      {error ? <p>{errorMessage(error)}</p> : null}
      {children}
    </div>
  );
}
