// Loads data for a screen and keeps {data, error, loading}; `reload` fetches again after a change.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (after a write answered the new record). */
  set: (data: T) => void;
}

export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // Only the latest request may write state, so a slow old answer cannot overwrite a newer one.
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setData(value), []);
  return { data, error, loading, reload, set };
}
