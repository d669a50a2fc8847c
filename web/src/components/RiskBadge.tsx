// A client's risk level ("High risk"); nothing for "none", which is the usual case.

import type { RiskLevel } from '../api';
import { RISK_LABELS } from '../cycleLabels';

export function RiskBadge({ level }: { level: RiskLevel | null | undefined }) {
  if (!level || level === 'none') return null;
  return <span class={`badge badge-risk badge-risk-${level}`}>{RISK_LABELS[level] ?? level}</span>;
}
