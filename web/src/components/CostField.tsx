// The optional "Cost ($)" of a service (an appointment, a referral out), which reports add up into
// the cost per case. The value stays text while it is typed; the form reads it with `readCost`.

import { fieldAria } from './FieldError';
import { FieldFrame, hintIdOf } from './FieldFrame';

interface Props {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
}

export type CostReading = { ok: true; cost: number | undefined } | { ok: false; message: string };

/** Dollars with at most two decimals and not negative (the API's rule); empty means not recorded. */
export function readCost(text: string): CostReading {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, cost: undefined };
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) {
    return { ok: false, message: 'Give the cost in dollars, such as 45 or 45.50 (no more than two decimals).' };
  }
  return { ok: true, cost: Number(trimmed) };
}

export function CostField({ id, value, onInput, error }: Props) {
  const hint = 'Optional. What the service costs, for the cost-per-case report.';
  const hintId = hintIdOf(id, hint);
  return (
    <FieldFrame id={id} label="Cost ($)" hint={hint} error={error}>
      <input
        id={id}
        name={id}
        type="number"
        inputMode="decimal"
        min={0}
        step={0.01}
        value={value}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        {...fieldAria(id, error, hintId)}
      />
    </FieldFrame>
  );
}
