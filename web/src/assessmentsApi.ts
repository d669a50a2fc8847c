// Assessments (docs/api.md, "Assessments"; the instrument format in docs/instruments.md): the
// instruments as data, a live score while a form is filled, completed assessments, corrections and
// the trend of a client's scores.

import type { Items } from './api';
import { enc, query, request } from './api';

export type ItemType = 'choice' | 'boolean' | 'integer' | 'text' | 'display';

export interface AnswerOption {
  code: string;
  display: string;
  points: number;
}

/** When an item is asked (every condition of its `enable_when` must hold). */
export type Condition =
  | { link_id: string; in: string[] }
  | { link_id: string; points_above: number }
  | { sum_of: string[]; above: number };

export interface InstrumentItem {
  link_id: string;
  text: string;
  type: ItemType;
  required?: boolean;
  enable_when?: Condition[];
  options?: AnswerOption[];
  min?: number;
  max?: number;
  max_length?: number;
}

export interface Band {
  code: string;
  display: string;
  min: number;
  max: number;
}

export interface Level {
  code: string;
  display: string;
}

export interface Scoring {
  method: 'sum' | 'rules' | 'none';
  min?: number;
  max?: number;
  bands?: Band[];
  levels?: Level[];
}

export interface Instrument {
  id: string;
  version: string;
  title: string;
  description: string;
  citation: string;
  items: InstrumentItem[];
  scoring: Scoring;
}

/** An answer as sent: a choice's code, a whole number, true/false, or text. */
export type AnswerValue = string | number | boolean;
export type Answers = Record<string, AnswerValue>;

export interface ScoredAnswer {
  link_id: string;
  /** The answer as text ("2", "true", "14", or the text itself). */
  value: string;
  display: string;
  /** Null for items that are not scored. */
  points: number | null;
}

export type FlagAction = 'urgent_safety_task' | 'sdoh_need' | 'early_follow_up' | 'none';

export interface Flag {
  code: string;
  display: string;
  action: FlagAction | string;
  need: string | null;
}

export interface ScoreResult {
  score: number | null;
  result: string | null;
  result_display: string | null;
  answers: ScoredAnswer[];
  flags: Flag[];
  /** False while a required, asked item is unanswered. */
  complete: boolean;
}

export interface Assessment {
  id: string;
  version: number;
  client_id: string;
  case_id: string | null;
  instrument_id: string;
  instrument_version: string;
  instrument_title: string;
  score: number | null;
  result: string | null;
  result_display: string | null;
  answers: ScoredAnswer[];
  flags: Flag[];
  completed_at: string;
  completed_by: string;
  replaces_id: string | null;
  superseded_by: string | null;
}

export interface TrendPoint {
  assessment_id: string;
  completed_at: string;
  score: number | null;
  result: string | null;
  result_display: string | null;
}

export function listInstruments(): Promise<Items<Instrument>> {
  return request<Items<Instrument>>('/instruments');
}

export function getInstrument(id: string): Promise<Instrument> {
  return request<Instrument>(`/instruments/${enc(id)}`);
}

/** The score of the answers given so far; nothing is stored. */
export function scoreAnswers(instrumentId: string, answers: Answers): Promise<ScoreResult> {
  return request<ScoreResult>(`/instruments/${enc(instrumentId)}/score`, { method: 'POST', body: { answers } });
}

export function createAssessment(
  clientId: string,
  input: { instrument_id: string; case_id?: string; answers: Answers },
): Promise<Assessment> {
  return request<Assessment>(`/clients/${enc(clientId)}/assessments`, { method: 'POST', body: input });
}

/** A new assessment that replaces `assessmentId` (only the newest of a chain: 409 otherwise). */
export function correctAssessment(assessmentId: string, answers: Answers): Promise<Assessment> {
  return request<Assessment>(`/assessments/${enc(assessmentId)}/corrections`, { method: 'POST', body: { answers } });
}

/** The client's assessments, newest first. */
export function listAssessments(clientId: string, instrumentId?: string): Promise<Items<Assessment>> {
  return request<Items<Assessment>>(`/clients/${enc(clientId)}/assessments${query({ instrument_id: instrumentId })}`);
}

export function getAssessment(id: string): Promise<Assessment> {
  return request<Assessment>(`/assessments/${enc(id)}`);
}

/** The scores of one instrument, oldest first, corrected assessments left out. */
export function getTrend(clientId: string, instrumentId: string): Promise<{ points: TrendPoint[] }> {
  return request<{ points: TrendPoint[] }>(
    `/clients/${enc(clientId)}/assessments/trend${query({ instrument_id: instrumentId })}`,
  );
}
