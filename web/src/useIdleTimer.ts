// Automatic log-off: calls `onIdle` once no user activity (pointer, keyboard, touch, wheel) has
// been seen for `timeoutMs`. Activity only records a time; the single timer re-arms itself for
// whatever is left, so a moving mouse costs no timer churn. A timer that fires late (a sleeping
// laptop, a throttled background tab) still signs out, and coming back to the tab checks at once.

import { useEffect, useRef } from 'preact/hooks';

/** sessionStorage key that overrides the timeout (milliseconds), read when a session starts. */
export const IDLE_TIMEOUT_KEY = 'caseboard.idleTimeoutMs';
/** The server ends a session after 15 minutes without use; the UI signs out after as long without activity. */
export const DEFAULT_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
const MINIMUM_IDLE_TIMEOUT_MS = 1000;

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'click', 'touchstart', 'wheel'] as const;

/** The idle timeout for a session starting now: the sessionStorage override when valid, else 15 minutes. */
export function readIdleTimeoutMs(): number {
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(IDLE_TIMEOUT_KEY);
  } catch {
    return DEFAULT_IDLE_TIMEOUT_MS;
  }
  if (text === null || !/^\s*\d+\s*$/.test(text)) return DEFAULT_IDLE_TIMEOUT_MS;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= MINIMUM_IDLE_TIMEOUT_MS ? value : DEFAULT_IDLE_TIMEOUT_MS;
}

interface Options {
  /** Only a signed-in session is watched. */
  enabled: boolean;
  timeoutMs: number;
  onIdle: () => void;
  /** Called on each activity (keep it cheap; it runs on every mouse move). */
  onActivity?: () => void;
}

export function useIdleTimer({ enabled, timeoutMs, onIdle, onActivity }: Options): void {
  // The latest callbacks, so changing them does not restart the timer.
  const onIdleRef = useRef(onIdle);
  const onActivityRef = useRef(onActivity);
  onIdleRef.current = onIdle;
  onActivityRef.current = onActivity;

  useEffect(() => {
    if (!enabled) return undefined;
    let lastActivity = Date.now();
    let timer: number | undefined;
    let done = false;

    const stop = () => {
      done = true;
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, true);
      document.removeEventListener('visibilitychange', check);
    };
    function check() {
      if (done) return;
      window.clearTimeout(timer);
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= timeoutMs) {
        stop();
        onIdleRef.current();
      } else {
        timer = window.setTimeout(check, timeoutMs - idleFor);
      }
    }
    function activity() {
      if (done) return;
      lastActivity = Date.now();
      onActivityRef.current?.();
    }

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', check);
    timer = window.setTimeout(check, timeoutMs);
    return stop;
  }, [enabled, timeoutMs]);
}
