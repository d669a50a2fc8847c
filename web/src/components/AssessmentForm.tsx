// An instrument filled in as a form, for a new assessment or a correction: the items from the
// definition, skip logic applied as answers change (items not asked are hidden and their answers
// dropped), and the running score beside it, asked of the server a moment after the last change.
// Enter never records the form by accident: only the submit button (or Enter on it) does.

import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Answers, Assessment, Instrument, ScoreResult } from '../assessmentsApi';
import { scoreAnswers } from '../assessmentsApi';
import { ApiError, asApiError } from '../api';
import type { KnownPoints } from '../instrumentLogic';
import { askedItems, learnPoints, missingRequired } from '../instrumentLogic';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { InstrumentItemField } from './InstrumentItemField';
import { ScorePanel } from './ScorePanel';

/** How long the form waits after the last change before asking for the score. */
const SCORE_DELAY_MS = 300;

interface Props {
  instrument: Instrument;
  /** The form's text for each item (a correction starts from the stored answers). */
  initial?: Record<string, string>;
  /** Records the answers; the form shows the server's refusal under the item it names. */
  save: (answers: Answers) => Promise<Assessment>;
  onDone: (assessment: Assessment) => void;
  submitLabel: string;
  cancelHref: string;
  /** The id of the heading that names the form. */
  labelledBy: string;
  /** Fields shown above the questions (e.g. the case), and the API fields they show errors for. */
  before?: (fieldError: (field: string) => string | null) => ComponentChildren;
  beforeFields?: string[];
}

/** The answers the form's text stands for, and the numbers that are not numbers in range. */
function readAnswers(instrument: Instrument, raw: Record<string, string>, bad: ReadonlySet<string>) {
  const answers: Answers = {};
  const invalid: Record<string, string> = {};
  for (const item of instrument.items) {
    const id = item.link_id;
    const text = raw[id] ?? '';
    if (item.type === 'integer') {
      const range =
        item.min !== undefined && item.max !== undefined ? ` from ${item.min} to ${item.max}` : '';
      if (bad.has(id)) {
        invalid[id] = `Enter a whole number${range}.`;
        continue;
      }
      if (text.trim() === '') continue;
      const number = Number(text);
      if (!/^-?\d+$/.test(text.trim()) || (item.min !== undefined && number < item.min) || (item.max !== undefined && number > item.max)) {
        invalid[id] = `Enter a whole number${range}.`;
        continue;
      }
      answers[id] = number;
    } else if (item.type === 'boolean') {
      if (text === 'true' || text === 'false') answers[id] = text === 'true';
    } else if (item.type === 'choice') {
      if (text !== '') answers[id] = text;
    } else if (item.type === 'text') {
      if (text.trim() !== '') answers[id] = text.trim();
    }
  }
  return { answers, invalid };
}

export function AssessmentForm(props: Props) {
  const { instrument } = props;
  const [raw, setRaw] = useState<Record<string, string>>(props.initial ?? {});
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set());
  const [known, setKnown] = useState<KnownPoints>({});
  const [unscored, setUnscored] = useState<ReadonlySet<string>>(new Set());
  const [score, setScore] = useState<ScoreResult | null>(null);
  const [scoreError, setScoreError] = useState<ApiError | null>(null);
  const [updating, setUpdating] = useState(true);
  const [showMissing, setShowMissing] = useState(false);
  const latestScore = useRef(0);
  const answerFields = useMemo(() => instrument.items.map((item) => `answers.${item.link_id}`), [instrument]);
  const form = useApiForm([...answerFields, ...(props.beforeFields ?? [])]);

  const { answers, invalid } = readAnswers(instrument, raw, bad);
  const asked = askedItems(instrument, answers, known);
  const missing = missingRequired(instrument, asked);
  const answersKey = JSON.stringify(asked.answers);

  // The running score, a moment after the last change; only the newest answer is shown.
  useEffect(() => {
    const ticket = ++latestScore.current;
    setUpdating(true);
    const timer = window.setTimeout(() => {
      scoreAnswers(instrument.id, asked.answers).then(
        (result) => {
          if (ticket !== latestScore.current) return;
          setScore(result);
          setScoreError(null);
          setKnown((current) => learnPoints(current, result.answers));
          const notCounted = result.answers.filter((answer) => answer.points === null).map((answer) => answer.link_id);
          setUnscored((current) =>
            notCounted.every((id) => current.has(id)) ? current : new Set([...current, ...notCounted]),
          );
          setUpdating(false);
        },
        (err: unknown) => {
          if (ticket !== latestScore.current) return;
          setScoreError(asApiError(err));
          setUpdating(false);
        },
      );
    }, SCORE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [instrument.id, answersKey]);

  /** Sets one item's text and drops the text of every item no longer asked. */
  function change(linkId: string, value: string) {
    const next = { ...raw };
    if (value === '') delete next[linkId];
    else next[linkId] = value;
    const stillBad = new Set(bad);
    if (value !== '') stillBad.delete(linkId);
    const nextAsked = askedItems(instrument, readAnswers(instrument, next, stillBad).answers, known);
    for (const id of Object.keys(next)) if (!nextAsked.enabled.has(id)) delete next[id];
    for (const id of [...stillBad]) if (!nextAsked.enabled.has(id)) stillBad.delete(id);
    setRaw(next);
    setBad(stillBad);
  }

  function markBad(linkId: string, isBad: boolean) {
    if (isBad === bad.has(linkId)) return;
    const next = new Set(bad);
    if (isBad) next.add(linkId);
    else next.delete(linkId);
    setBad(next);
  }

  const scoreFieldError = scoreError && scoreError.field?.startsWith('answers.') ? scoreError : null;
  const missingIds = new Set(missing.map((item) => item.link_id));
  function errorFor(linkId: string): string | null {
    if (invalid[linkId]) return invalid[linkId];
    const server = form.fieldError(`answers.${linkId}`);
    if (server) return server;
    if (scoreFieldError && scoreFieldError.field === `answers.${linkId}`) return scoreFieldError.message;
    if (showMissing && missingIds.has(linkId)) return 'Answer this question.';
    return null;
  }

  function focusItem(linkId: string) {
    const item = instrument.items.find((i) => i.link_id === linkId);
    const id = `assess-${linkId}`;
    const target =
      item && (item.type === 'choice' || item.type === 'boolean')
        ? document.querySelector<HTMLInputElement>(`input[name="${CSS.escape(id)}"]:checked`) ??
          document.querySelector<HTMLInputElement>(`input[name="${CSS.escape(id)}"]`)
        : document.getElementById(id);
    target?.focus();
  }

  async function submit(event: Event) {
    event.preventDefault();
    const toFix = instrument.items
      .map((item) => item.link_id)
      .filter((id) => asked.enabled.has(id) && (missingIds.has(id) || invalid[id]));
    if (toFix.length > 0) {
      setShowMissing(true);
      window.setTimeout(() => focusItem(toFix[0]), 0);
      return;
    }
    const saved = await form.run(() => props.save(asked.answers));
    if (saved) props.onDone(saved);
    else window.setTimeout(() => document.querySelector<HTMLElement>('.assessment-form [aria-invalid="true"]')?.focus(), 0);
  }

  // Enter in a radio or number input would submit the form: only the submit button records it.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
    event.preventDefault();
  }

  const toAnswer = missing.length + Object.keys(invalid).filter((id) => asked.enabled.has(id)).length;
  return (
    <div class="assessment-layout">
      <form class="card assessment-form" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby={props.labelledBy} noValidate>
        <ErrorAlert error={form.formError} />
        {props.before ? props.before(form.fieldError) : null}
        {instrument.items
          .filter((item) => asked.enabled.has(item.link_id))
          .map((item) => (
            <InstrumentItemField
              key={item.link_id}
              item={item}
              idPrefix="assess"
              value={raw[item.link_id] ?? ''}
              onChange={(value) => change(item.link_id, value)}
              onBadInput={(isBad) => markBad(item.link_id, isBad)}
              error={errorFor(item.link_id)}
              showPoints={
                instrument.scoring.method === 'sum' || (item.options ?? []).some((option) => option.points !== 0)
              }
              unscored={unscored.has(item.link_id)}
            />
          ))}
        {showMissing && toAnswer > 0 ? (
          <p class="field-error" role="alert">
            {toAnswer === 1 ? 'One question needs' : `${toAnswer} questions need`} an answer before the assessment can be
            recorded.
          </p>
        ) : null}
        <div class="assessment-actions">
          <FormActions busy={form.busy} label={props.submitLabel} busyLabel="Recording…" />
          <a href={props.cancelHref}>Cancel and go back to the chart</a>
        </div>
      </form>
      <ScorePanel
        instrument={instrument}
        score={score}
        updating={updating}
        error={scoreError && !scoreFieldError ? scoreError.message : null}
        missing={missing.length}
      />
    </div>
  );
}
