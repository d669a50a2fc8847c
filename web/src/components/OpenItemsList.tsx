// What still blocks a step (`error.open_items`, e.g. closing a case), one line each: its kind,
// then its title.

import type { OpenItem } from '../api';
import { labelOf, OPEN_ITEM_LABELS } from '../cycleLabels';

export function OpenItemsList({ items }: { items: OpenItem[] }) {
  return (
    <ul class="open-items">
      {items.map((item) => (
        <li key={`${item.kind}:${item.id}`}>
          <span class="muted">{labelOf(OPEN_ITEM_LABELS, item.kind)}:</span> {item.title}
        </li>
      ))}
    </ul>
  );
}
