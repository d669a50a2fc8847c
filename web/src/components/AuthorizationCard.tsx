// One authorization: the service and coverage, the dates it is valid, units used of those approved
// as a bar with the units left, warnings when units run low or it ends within 14 days (both put a
// renewal on the worklist), and "Record units used".

import { useState } from 'preact/hooks';
import type { Authorization, Coverage } from '../coverageApi';
import { daysUntil, recordUnitsUsed } from '../coverageApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { NumberField, wholeNumber } from './NumberField';
import { ProgressBar } from './ProgressBar';

interface Props {
  authorization: Authorization;
  coverage: Coverage | null;
  canEdit: boolean;
  formatDay: (date: string) => string;
  onChanged: (authorization: Authorization, message: string) => void;
  onStale: () => void;
}

/** Renewal is due from 14 days before the end (docs/api.md, "Coverage and benefits"). */
const ENDING_SOON_DAYS = 14;

export function AuthorizationCard({ authorization: a, coverage, canEdit, formatDay, onChanged, onStale }: Props) {
  const [recording, setRecording] = useState(false);
  const [units, setUnits] = useState('1');
  const form = useApiForm(['units'], onStale);
  const headingId = `authorization-${a.id}-heading`;
  const left = daysUntil(a.valid_to);
  const ended = left !== null && left < 0;
  const endingSoon = left !== null && left >= 0 && left <= ENDING_SOON_DAYS;

  async function submit(event: Event) {
    event.preventDefault();
    const value = wholeNumber(units);
    if (!form.check({ units: value !== null && value >= 1 ? null : 'Enter the units used, 1 or more.' }) || value === null) return;
    const next = await form.run(() => recordUnitsUsed(a, value));
    if (next) {
      setRecording(false);
      setUnits('1');
      onChanged(next, `${value} ${value === 1 ? 'unit' : 'units'} of ${a.service} recorded; ${next.units_left} left.`);
    }
  }

  return (
    <article class={`record authorization${a.units_low || endingSoon || ended ? ' authorization-warn' : ''}`}
      aria-labelledby={headingId}>
      <div class="record-heading">
        <h4 id={headingId}>{a.service}</h4>
        <span>
          {a.units_low ? <span class="badge badge-attention">Units running low</span> : null}
          {endingSoon ? <span class="badge badge-attention">Ending soon</span> : null}
          {ended ? <span class="badge badge-late">Ended</span> : null}
        </span>
      </div>
      <p class="muted small">
        {coverage ? coverage.payer_name : 'Unknown coverage'} · valid {formatDay(a.valid_from)} to {formatDay(a.valid_to)}
      </p>
      <ProgressBar value={a.units_used} max={a.units_approved} label={`${a.service}: units used`}
        text={`${a.units_used} of ${a.units_approved} units used · ${a.units_left} left`}
        tone={a.units_low ? 'warning' : 'normal'} />
      {a.units_low || endingSoon || ended ? (
        <ul class="authorization-warnings">
          {a.units_low ? (
            <li>
              Only {a.units_left} {a.units_left === 1 ? 'unit is' : 'units are'} left (a tenth or less of those approved):
              ask the payer to renew.
            </li>
          ) : null}
          {endingSoon ? (
            <li>
              Ends {left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`} ({formatDay(a.valid_to)}): ask for a
              renewal.
            </li>
          ) : null}
          {ended ? <li>Ended on {formatDay(a.valid_to)}.</li> : null}
        </ul>
      ) : null}
      {canEdit && !recording && a.units_left > 0 ? (
        <button type="button" class="button-secondary button-small" onClick={() => setRecording(true)}>
          Record units used<span class="visually-hidden"> for {a.service}</span>
        </button>
      ) : null}
      {recording ? (
        <form class="subform units-form" onSubmit={submit} aria-label={`Record units used for ${a.service}`} noValidate>
          <ErrorAlert error={form.formError} />
          <NumberField id={`authorization-${a.id}-units`} label="Units used" value={units} onInput={setUnits} min={1}
            max={a.units_left} required hint={`${a.units_left} left.`} error={form.fieldError('units')} class="narrow" />
          <FormActions busy={form.busy} label="Record units" onCancel={() => setRecording(false)} />
        </form>
      ) : null}
    </article>
  );
}
