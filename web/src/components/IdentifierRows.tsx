// Editable list of a client's identifiers (MRN, Medicaid, ...): one row per identifier with a type
// select, a value input and a remove button. Server errors name a row as `identifiers[i].value`.

import type { IdentifierType } from '../api';
import { IDENTIFIER_TYPES } from '../api';
import { IDENTIFIER_LABELS } from '../format';
import { FieldError, fieldAria } from './FieldError';

export interface IdentifierRow {
  key: number;
  type: IdentifierType;
  value: string;
}

interface Props {
  rows: IdentifierRow[];
  onChange: (rows: IdentifierRow[]) => void;
  /** Server error messages keyed by JSON path (`identifiers[0].value`). */
  errors: Record<string, string>;
}

let nextKey = 1;
export function newIdentifierRow(): IdentifierRow {
  return { key: nextKey++, type: 'MRN', value: '' };
}

export function IdentifierRows({ rows, onChange, errors }: Props) {
  const update = (key: number, patch: Partial<IdentifierRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));

  return (
    <fieldset class="identifiers">
      <legend>Identifiers</legend>
      {rows.length === 0 ? <p class="hint">No identifiers added.</p> : null}
      {rows.map((row, index) => {
        const typeId = `identifier-${row.key}-type`;
        const valueId = `identifier-${row.key}-value`;
        const typeError = errors[`identifiers[${index}].type`] ?? errors[`identifiers[${index}]`];
        const valueError = errors[`identifiers[${index}].value`];
        return (
          <div class="identifier-row" key={row.key}>
            <div class="field">
              <label for={typeId}>Identifier {index + 1} type</label>
              <select
                id={typeId}
                value={row.type}
                onChange={(e) =>
                  update(row.key, { type: (e.currentTarget as HTMLSelectElement).value as IdentifierType })
                }
                {...fieldAria(typeId, typeError)}
              >
                {IDENTIFIER_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {IDENTIFIER_LABELS[type]}
                  </option>
                ))}
              </select>
              <FieldError id={typeId} message={typeError} />
            </div>
            <div class="field">
              <label for={valueId}>Identifier {index + 1} value</label>
              <input
                id={valueId}
                type="text"
                value={row.value}
                maxLength={64}
                autoComplete="off"
                onInput={(e) => update(row.key, { value: (e.currentTarget as HTMLInputElement).value })}
                {...fieldAria(valueId, valueError)}
              />
              <FieldError id={valueId} message={valueError} />
            </div>
            <button
              type="button"
              class="button-secondary"
              onClick={() => remove(row.key)}
              aria-label={`Remove identifier ${index + 1}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" class="button-secondary" onClick={() => onChange([...rows, newIdentifierRow()])}>
        Add identifier
      </button>
    </fieldset>
  );
}
