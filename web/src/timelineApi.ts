// The client chart (docs/api.md, "The client chart"): every record of the client's care as one
// timeline, newest first, and the clocks still running.

import { enc, request } from './api';
import type { ClockItem } from './worklistApi';

export interface TimelineEvent {
  kind: string;
  at: string;
  id: string;
  case_id: string | null;
  title: string;
  status: string | null;
  overdue: boolean;
}

export interface Timeline {
  events: TimelineEvent[];
  due: ClockItem[];
}

export function getTimeline(clientId: string): Promise<Timeline> {
  return request<Timeline>(`/clients/${enc(clientId)}/timeline`);
}
