// Shown for a hash route the app does not know.

import { useEffect } from 'preact/hooks';
import { setTitle } from '../format';

/** `home` is the signed-in user's first screen (the client list, or the audit trail for auditors). */
export function NotFound({ home }: { home: string }) {
  useEffect(() => setTitle('Page not found'), []);
  return (
    <div>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <a href={home}>Go to your start page</a>.
      </p>
    </div>
  );
}
