// The post-discharge check-in: has the client's health changed, and how satisfied they are (1–5).
// It stops the check-in clock; it is recorded once.

import { useState } from 'preact/hooks';
import type { Discharge } from '../dischargeApi';
import { recordCheckIn } from '../dischargeApi';
import { useApiForm } from '../useApiForm';
import { CheckboxField } from './CheckboxField';
import { ErrorAlert } from './ErrorAlert';
import { FieldError, fieldAria } from './FieldError';
import { FormActions } from './FormActions';
import { TextAreaField } from './TextAreaField';

interface Props {
  discharge: Discharge;
  onDone: (updated: Discharge) => void;
  onStale: () => void;
  onCancel: () => void;
}

const SCALE = [1, 2, 3, 4, 5];

export function CheckInForm({ discharge, onDone, onStale, onCancel }: Props) {
  const [changed, setChanged] = useState(false);
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const form = useApiForm(['health_status_changed', 'satisfaction', 'notes'], onStale);
  const id = (name: string) => `check-in-${discharge.id}-${name}`;
  const satisfactionError = form.fieldError('satisfaction');

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.check({ satisfaction: satisfaction ? null : 'Choose how satisfied the client is, 1 to 5.' })) return;
    const input = { health_status_changed: changed, satisfaction: satisfaction!, ...(notes.trim() ? { notes: notes.trim() } : {}) };
    const updated = await form.run(() => recordCheckIn(discharge, input));
    if (updated) onDone(updated);
  }

  return (
    <form class="subform" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h4 id={id('heading')}>Post-discharge check-in</h4>
      <ErrorAlert error={form.formError} />
      <CheckboxField id={id('changed')} label="Health status changed since discharge" checked={changed}
        onChange={setChanged} error={form.fieldError('health_status_changed')} />
      <fieldset class="scale" {...fieldAria(id('satisfaction'), satisfactionError)}>
        <legend>
          Satisfaction <span class="required">(required; 1 = very dissatisfied, 5 = very satisfied)</span>
        </legend>
        <div class="scale-options">
          {SCALE.map((value) => (
            <label key={value} class="scale-option">
              <input type="radio" name={id('satisfaction')} value={value} checked={satisfaction === value}
                onChange={() => setSatisfaction(value)} />
              <span>{value}</span>
            </label>
          ))}
        </div>
        <FieldError id={id('satisfaction')} message={satisfactionError} />
      </fieldset>
      <TextAreaField id={id('notes')} label="Check-in notes" value={notes} onInput={setNotes} maxLength={4000}
        error={form.fieldError('notes')} />
      <FormActions busy={form.busy} label="Save check-in" onCancel={onCancel} />
    </form>
  );
}
