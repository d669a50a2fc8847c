// The state every small form of the case cycle shares: busy while its call runs, the server's
// error put next to the field it names (or above the form when it names none of the form's
// fields), local checks' messages, and the stale-version (412) explanation.

import { useState } from 'preact/hooks';
import { ApiError, asApiError } from './api';

export interface ApiForm {
  busy: boolean;
  /** The message to show under `field` (a local check's first, else the server's). */
  fieldError: (field: string) => string | null;
  /** An error that names none of the form's fields, for an alert above it. */
  formError: ApiError | null;
  /** The last error, whatever it named (e.g. to read `open_items`). */
  error: ApiError | null;
  /** Sets the local checks' messages; answers true when there are none (the form may be sent). */
  check: (errors: Record<string, string | null | undefined>) => boolean;
  /** Runs the call; answers its result, or undefined after showing its error. */
  run: <T>(call: () => Promise<T>) => Promise<T | undefined>;
}

const STALE = 'Someone else changed this record meanwhile. The latest version is shown; please try again.';

/**
 * `fields` are the API field paths this form shows next to inputs. `onStale` runs after a 412
 * so the caller can read the record again.
 */
export function useApiForm(fields: readonly string[], onStale?: () => void): ApiForm {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});

  function check(errors: Record<string, string | null | undefined>): boolean {
    const found: Record<string, string> = {};
    for (const [field, message] of Object.entries(errors)) if (message) found[field] = message;
    setLocal(found);
    if (Object.keys(found).length > 0) {
      setError(null);
      // Take keyboard users to the first field to fix, once it is marked.
      window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return false;
    }
    return true;
  }

  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    setLocal({});
    try {
      return await call();
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.status === 412) {
        setError(new ApiError({ status: 412, code: apiError.code, message: STALE }));
        onStale?.();
      } else {
        setError(apiError);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const placed = error && error.field !== null && fields.includes(error.field);
  return {
    busy,
    error,
    fieldError: (field) => local[field] ?? (error && error.field === field ? error.message : null),
    formError: error && !placed ? error : null,
    check,
    run,
  };
}
