// One item of an instrument as a form control: a choice as a radio group (each option with its
// points), a yes/no question as two radios, a whole number as a number input within its range,
// free text as a text area, and a display item as a heading. Radios are native, so the arrow keys
// move within a group and Tab goes on to the next question. The error sits under the item.

import type { InstrumentItem } from '../assessmentsApi';
import { questionNumber } from '../instrumentLogic';
import { FieldError, fieldAria, fieldErrorId } from './FieldError';

interface Props {
  item: InstrumentItem;
  /** The form's text for the item: a choice's code, "true"/"false", the number as typed, or text. */
  value: string;
  onChange: (value: string) => void;
  /** The number input holds something that is not a number (its value reads as ""). */
  onBadInput?: (bad: boolean) => void;
  error?: string | null;
  /** Show each option's points (scored instruments). */
  showPoints: boolean;
  /** The server said this item is not counted in the total. */
  unscored?: boolean;
  idPrefix: string;
}

function pointsLabel(points: number): string {
  return `${points} ${points === 1 ? 'point' : 'points'}`;
}

function QuestionLabel({ item }: { item: InstrumentItem }) {
  const number = questionNumber(item);
  return (
    <>
      {number ? <span class="question-number">{number}.</span> : null}
      {number ? ' ' : null}
      <span class="question-text">{item.text}</span>
      {item.required ? <span class="required"> (required)</span> : null}
    </>
  );
}

export function InstrumentItemField({ item, value, onChange, onBadInput, error, showPoints, unscored, idPrefix }: Props) {
  const id = `${idPrefix}-${item.link_id}`;

  if (item.type === 'display') {
    return <h2 class="instrument-display" id={id}>{item.text}</h2>;
  }

  if (item.type === 'choice' || item.type === 'boolean') {
    const options =
      item.type === 'boolean'
        ? [
            { code: 'true', display: 'Yes', points: null },
            { code: 'false', display: 'No', points: null },
          ]
        : (item.options ?? []).map((option) => ({ ...option, points: option.points as number | null }));
    const withPoints = showPoints && !unscored && item.type === 'choice';
    const errorId = error ? fieldErrorId(id) : undefined;
    return (
      <fieldset
        class={`question question-${item.type}${error ? ' question-invalid' : ''}`}
        role="radiogroup"
        id={id}
        aria-labelledby={`${id}-legend`}
        aria-required={item.required ? 'true' : undefined}
        aria-describedby={errorId}
      >
        <legend id={`${id}-legend`}>
          <QuestionLabel item={item} />
        </legend>
        {unscored && showPoints ? <p class="hint">Recorded, not counted in the score.</p> : null}
        <div class={`question-options${item.type === 'boolean' ? ' question-options-yes-no' : ''}`}>
          {options.map((option) => (
            <label key={option.code} class={`option${value === option.code ? ' option-checked' : ''}`}>
              <input
                type="radio"
                name={id}
                value={option.code}
                checked={value === option.code}
                aria-invalid={error ? 'true' : undefined}
                onChange={() => onChange(option.code)}
              />
              <span class="option-text">{option.display}</span>
              {withPoints && option.points !== null ? (
                <span class="option-points">{pointsLabel(option.points)}</span>
              ) : null}
            </label>
          ))}
        </div>
        {!item.required && value !== '' ? (
          <button type="button" class="link-button small question-clear" onClick={() => onChange('')}>
            Clear answer
          </button>
        ) : null}
        <FieldError id={id} message={error} />
      </fieldset>
    );
  }

  const hintId = `${id}-hint`;
  if (item.type === 'integer') {
    const range =
      item.min !== undefined && item.max !== undefined
        ? `A whole number from ${item.min} to ${item.max}.`
        : 'A whole number.';
    return (
      <div class={`field question question-integer${error ? ' question-invalid' : ''}`}>
        <label for={id}>
          <QuestionLabel item={item} />
        </label>
        <p class="hint" id={hintId}>
          {range}
        </p>
        <input
          id={id}
          name={id}
          type="number"
          inputMode="numeric"
          step={1}
          min={item.min}
          max={item.max}
          value={value}
          required={item.required}
          class="number-input"
          onInput={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            onBadInput?.(input.validity.badInput);
            onChange(input.value);
          }}
          {...fieldAria(id, error, hintId)}
        />
        <FieldError id={id} message={error} />
      </div>
    );
  }

  // Free text.
  const maxLength = item.max_length ?? 2000;
  return (
    <div class={`field question question-text-item${error ? ' question-invalid' : ''}`}>
      <label for={id}>
        <QuestionLabel item={item} />
      </label>
      <textarea
        id={id}
        name={id}
        value={value}
        rows={3}
        maxLength={maxLength}
        required={item.required}
        onInput={(event) => onChange((event.currentTarget as HTMLTextAreaElement).value)}
        {...fieldAria(id, error)}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}
