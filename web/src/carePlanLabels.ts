// Human labels for the care plan's values (need, goal and intervention kinds and statuses, need
// categories), and the versions' changes ("goals[g1].percent_achieved") in words.

import type {
  AgreementKind,
  CarePlan,
  GoalStatus,
  InterventionKind,
  NeedStatus,
  PlanChange,
  ResponsibleKind,
} from './carePlanApi';
import { humanize, labelOf } from './cycleLabels';

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  met: 'Met',
  dismissed: 'Dismissed',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  not_achieved: 'Not achieved',
  discontinued: 'Discontinued',
};

export const RESPONSIBLE_KIND_LABELS: Record<ResponsibleKind, string> = {
  staff: 'Staff',
  client: 'Client',
  family: 'Family',
  partner: 'Partner agency',
};

export const INTERVENTION_KIND_LABELS: Record<InterventionKind, string> = {
  rehabilitative: 'Rehabilitative',
  therapeutic: 'Therapeutic',
  preventive: 'Preventive',
  education: 'Education (incl. family self-care, medication)',
  coordination: 'Coordination',
};

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  client: 'The client',
  family: 'The family',
  guardian: 'The guardian',
};

const NEED_CATEGORY_LABELS: Record<string, string> = {
  housing: 'Housing',
  food: 'Food',
  transportation: 'Transportation',
  utilities: 'Utilities',
  interpersonal_safety: 'Interpersonal safety',
  medication: 'Medication',
  mental_health: 'Mental health',
};

/** "interpersonal_safety" → "Interpersonal safety"; other categories in words. */
export function needCategoryLabel(category: string): string {
  return NEED_CATEGORY_LABELS[category.toLowerCase()] ?? humanize(category);
}

const LIST_LABELS: Record<string, string> = { needs: 'Need', goals: 'Goal', interventions: 'Intervention' };

const FIELD_LABELS: Record<string, string> = {
  category: 'category',
  description: 'description',
  status: 'status',
  source: 'source',
  need_id: 'need',
  measure: 'measure',
  baseline: 'baseline',
  target: 'target',
  due_date: 'due date',
  responsible_kind: 'responsible',
  responsible_name: 'responsible person',
  percent_achieved: '% achieved',
  goal_id: 'goal',
  kind: 'kind',
  task_id: 'linked task',
  appointment_id: 'linked appointment',
  referral_out_id: 'linked referral out',
};

export interface ReadableChange {
  /** "added", "removed" or "changed". */
  kind: 'added' | 'removed' | 'changed';
  /** "Goal “Find housing”". */
  item: string;
  /** The changed field in words ("% achieved"); null for an added or removed item. */
  field: string | null;
  before: string | null;
  after: string | null;
}

/** The label of an item of the plan by list and id ("Goal “Find a place”"), from the plan shown. */
function itemLabel(list: string, id: string, plan: CarePlan | null): string {
  const what = LIST_LABELS[list] ?? humanize(list);
  const items: { id: string; description: string }[] =
    list === 'needs' ? plan?.needs ?? [] : list === 'goals' ? plan?.goals ?? [] : plan?.interventions ?? [];
  const found = items.find((item) => item.id === id);
  return found ? `${what} “${found.description}”` : `${what} ${id}`;
}

/** A field's value in words: statuses and kinds as labels, % with its sign, ids as the item's description. */
function valueLabel(field: string, value: string | null, plan: CarePlan | null): string | null {
  if (value === null || value === '') return value === '' ? '(empty)' : null;
  switch (field) {
    case 'status':
      return (NEED_STATUS_LABELS as Record<string, string>)[value] ?? labelOf(GOAL_STATUS_LABELS, value);
    case 'responsible_kind':
      return labelOf(RESPONSIBLE_KIND_LABELS, value);
    case 'kind':
      return labelOf(INTERVENTION_KIND_LABELS, value);
    case 'percent_achieved':
      return `${value}%`;
    case 'category':
      return needCategoryLabel(value);
    case 'need_id':
      return plan?.needs.find((n) => n.id === value)?.description ?? value;
    case 'goal_id':
      return plan?.goals.find((g) => g.id === value)?.description ?? value;
    default:
      return value;
  }
}

/** A version's change in words: "goals[g1].percent_achieved" → Goal “…” · % achieved: 10% → 50%. */
export function readableChange(change: PlanChange, plan: CarePlan | null): ReadableChange {
  const match = /^(\w+)\[([^\]]+)\](?:\.(\w+))?$/.exec(change.path);
  if (!match) {
    return { kind: 'changed', item: change.path, field: null, before: change.before, after: change.after };
  }
  const [, list, id, field] = match;
  const what = LIST_LABELS[list] ?? humanize(list);
  if (!field) {
    // An added or removed item: its description is the value.
    if (change.before === null) return { kind: 'added', item: what, field: null, before: null, after: change.after };
    return { kind: 'removed', item: what, field: null, before: change.before, after: null };
  }
  return {
    kind: 'changed',
    item: itemLabel(list, id, plan),
    field: FIELD_LABELS[field] ?? humanize(field),
    before: valueLabel(field, change.before, plan),
    after: valueLabel(field, change.after, plan),
  };
}
