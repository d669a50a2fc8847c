// How assessments read: an instrument's short name, the score with its band or level, and the
// needs a social-needs screen identified.

import type { Assessment, Flag, Instrument, ScoreResult } from './assessmentsApi';

/** "Patient Health Questionnaire-9 (PHQ-9)" → "PHQ-9": the name in the title's last brackets. */
export function shortTitle(title: string): string {
  const match = /\(([^()]+)\)\s*$/.exec(title);
  return match ? match[1] : title;
}

export const NEED_LABELS: Record<string, string> = {
  housing: 'Housing',
  food: 'Food',
  transportation: 'Transportation',
  utilities: 'Utilities',
  interpersonal_safety: 'Interpersonal safety',
};

export function needLabel(need: string | null): string {
  if (!need) return 'Need';
  return NEED_LABELS[need] ?? need.replace(/_/g, ' ');
}

export const isUrgent = (flag: Flag) => flag.action === 'urgent_safety_task';
export const isNeed = (flag: Flag) => flag.action === 'sdoh_need';
export const isEarlyFollowUp = (flag: Flag) => flag.action === 'early_follow_up';

/**
 * The result in words: "11 of 27 · Moderate depression" for a sum, the level for rules, "Not
 * scored" for the rest. `instrument` gives the top of the scale when known.
 */
export function resultText(
  result: Pick<ScoreResult, 'score' | 'result_display' | 'result'> | Pick<Assessment, 'score' | 'result_display' | 'result'>,
  instrument?: Pick<Instrument, 'scoring'> | null,
): string {
  const band = result.result_display ?? result.result;
  if (result.score !== null && result.score !== undefined) {
    const max = instrument?.scoring.max;
    const score = max !== undefined ? `${result.score} of ${max}` : String(result.score);
    return band ? `Score ${score} · ${band}` : `Score ${score}`;
  }
  if (band) return band;
  return 'Not scored';
}
