// Human labels for the directory's and coverage's values: payers, cost, advocacy kinds and statuses.

import type { AdvocacyKind, AdvocacyStatus } from './coverageApi';
import type { CostKind, PayerKind } from './directoryApi';

export const PAYER_LABELS: Record<PayerKind, string> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  private: 'Private insurance',
  self_pay: 'Self-pay',
  grant: 'Grant',
};

export const COST_LABELS: Record<CostKind, string> = {
  free: 'Free',
  sliding_scale: 'Sliding scale',
  fee: 'Fee (covered payers only)',
};

export const ADVOCACY_KIND_LABELS: Record<AdvocacyKind, string> = {
  benefit_application: 'Benefit application',
  aid_application: 'Aid application',
  insurance_claim: 'Insurance claim',
  appeal: 'Appeal',
  other: 'Other',
};

export const ADVOCACY_STATUS_LABELS: Record<AdvocacyStatus, string> = {
  planned: 'Planned',
  submitted: 'Submitted',
  pending: 'Pending',
  approved: 'Approved',
  denied: 'Denied',
  appealed: 'Appealed',
  withdrawn: 'Withdrawn',
};
