// The skip logic of an instrument (docs/instruments.md, "Condition"), worked out in the browser so
// a form hides the items that are not asked as soon as an answer changes, and drops their answers
// (the server refuses answers to items not asked). The score itself always comes from the server.
//
// Choice options carry their points in the definition. Boolean and integer points are not part of
// the instrument the API sends, so conditions on them use the points the server's last score gave
// for that answer (`KnownPoints`), and 0 until it has.

import type { AnswerValue, Answers, Condition, Instrument, InstrumentItem, ScoredAnswer } from './assessmentsApi';

/** Points the server gave an answer, by `pointsKey(link_id, value)`; null for unscored items. */
export type KnownPoints = Record<string, number | null>;

/** An answer as the conditions compare it: a choice's code, "true"/"false", or decimal text. */
export function answerText(value: AnswerValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

export function pointsKey(linkId: string, value: AnswerValue | string): string {
  return `${linkId}\u0000${typeof value === 'string' ? value : answerText(value)}`;
}

/** Remembers the points of the answers in a score the server sent. */
export function learnPoints(known: KnownPoints, answers: ScoredAnswer[]): KnownPoints {
  const next = { ...known };
  for (const answer of answers) next[pointsKey(answer.link_id, answer.value)] = answer.points;
  return next;
}

function pointsOf(item: InstrumentItem | undefined, value: AnswerValue | undefined, known: KnownPoints): number {
  if (!item || value === undefined) return 0;
  if (item.type === 'choice') {
    return item.options?.find((option) => option.code === answerText(value))?.points ?? 0;
  }
  return known[pointsKey(item.link_id, value)] ?? 0;
}

function holds(
  condition: Condition,
  answers: Answers,
  byId: Map<string, InstrumentItem>,
  known: KnownPoints,
): boolean {
  if ('sum_of' in condition) {
    const total = condition.sum_of.reduce((sum, id) => sum + pointsOf(byId.get(id), answers[id], known), 0);
    return total > condition.above;
  }
  const value = answers[condition.link_id];
  if (value === undefined) return false;
  if ('in' in condition) return condition.in.includes(answerText(value));
  return pointsOf(byId.get(condition.link_id), value, known) > condition.points_above;
}

export interface Asked {
  /** The link ids of the items asked with these answers (display items included). */
  enabled: Set<string>;
  /** The answers with those to items not asked dropped. */
  answers: Answers;
}

/**
 * Which items are asked, and the answers that stay. An answer dropped because its item is no longer
 * asked can switch off further items, so this repeats until nothing changes.
 */
export function askedItems(instrument: Instrument, answers: Answers, known: KnownPoints = {}): Asked {
  const byId = new Map(instrument.items.map((item) => [item.link_id, item]));
  let current: Answers = { ...answers };
  for (let round = 0; round <= instrument.items.length; round += 1) {
    const enabled = new Set<string>();
    for (const item of instrument.items) {
      const conditions = item.enable_when ?? [];
      if (conditions.every((condition) => holds(condition, current, byId, known))) enabled.add(item.link_id);
    }
    const kept: Answers = {};
    for (const [id, value] of Object.entries(current)) {
      if (enabled.has(id) && byId.has(id)) kept[id] = value;
    }
    if (Object.keys(kept).length === Object.keys(current).length) return { enabled, answers: kept };
    current = kept;
  }
  return { enabled: new Set(), answers: {} };
}

/** Required items that are asked and not answered yet, in form order. */
export function missingRequired(instrument: Instrument, asked: Asked): InstrumentItem[] {
  return instrument.items.filter(
    (item) => item.type !== 'display' && item.required && asked.enabled.has(item.link_id) && !(item.link_id in asked.answers),
  );
}

/** Items that take an answer. */
export function answerable(instrument: Instrument): InstrumentItem[] {
  return instrument.items.filter((item) => item.type !== 'display');
}

/**
 * The question's number when its link id ends in one (phq9-9 → "9", cssrs-6b → "6b"): the
 * instruments' own instructions refer to questions by these numbers.
 */
export function questionNumber(item: InstrumentItem): string | null {
  const match = /-(\d{1,2}[a-z]?)$/.exec(item.link_id);
  return match ? match[1] : null;
}

/** An answer of a stored assessment (always text) as the form holds it for its item. */
export function valueForItem(item: InstrumentItem, text: string): AnswerValue | undefined {
  switch (item.type) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'integer': {
      const number = Number(text);
      return Number.isInteger(number) ? number : undefined;
    }
    case 'display':
      return undefined;
    default:
      return text;
  }
}

/** How a stored answer reads: the option's display, Yes/No for booleans, else the text. */
export function answerDisplay(item: InstrumentItem | undefined, answer: ScoredAnswer): string {
  if (item?.type === 'boolean' || (!item && (answer.value === 'true' || answer.value === 'false'))) {
    return answer.value === 'true' ? 'Yes' : 'No';
  }
  return answer.display || answer.value;
}

export function findItem(instrument: Instrument, linkId: string): InstrumentItem | undefined {
  return instrument.items.find((item) => item.link_id === linkId);
}
