// Shown for a hash route the app does not know.

import { useEffect } from 'preact/hooks';
import { setTitle } from '../format';
import { href } from '../router';

export function NotFound() {
  useEffect(() => setTitle('Page not found'), []);
  return (
    <div>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <a href={href('/clients')}>Go to the client list</a>.
      </p>
    </div>
  );
}
