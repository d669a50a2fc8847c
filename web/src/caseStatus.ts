// The case status machine from docs/api.md, mirrored so the UI offers only legal next steps:
// referred → intake → active ⇄ on_hold; active|on_hold → discharged → closed;
// referred|intake → closed (declined or withdrawn; needs a reason). The server stays the authority.
// Discharge and closing a discharged case are not plain transitions here: they record a discharge
// (destination, services) and an outcome, so the "Case work" section's forms do them.

import type { CaseStatus } from './api';

export interface Transition {
  to: CaseStatus;
  /** The button's text (also its accessible name). */
  label: string;
  reasonRequired: boolean;
}

const NEXT: Record<CaseStatus, Transition[]> = {
  referred: [
    { to: 'intake', label: 'Start intake', reasonRequired: false },
    { to: 'closed', label: 'Close (declined or withdrawn)', reasonRequired: true },
  ],
  intake: [
    { to: 'active', label: 'Activate', reasonRequired: false },
    { to: 'closed', label: 'Close (declined or withdrawn)', reasonRequired: true },
  ],
  active: [{ to: 'on_hold', label: 'Put on hold', reasonRequired: false }],
  on_hold: [{ to: 'active', label: 'Resume', reasonRequired: false }],
  discharged: [],
  closed: [],
};

export function nextTransitions(status: CaseStatus): Transition[] {
  return NEXT[status] ?? [];
}
