// Adds a directory listing (POST /directory) or changes one (PATCH /directory/{id}, If-Match) —
// administrators. Lists (needs, languages) are typed separated by commas; coordinates are entered,
// never looked up. An error naming a list item ("needs[1]") shows under the list's field.

import { useState } from 'preact/hooks';
import type { CostKind, Service, ServiceInput } from '../directoryApi';
import { COST_KINDS, createService, KNOWN_NEEDS, PAYER_KINDS, updateService } from '../directoryApi';
import { COST_LABELS, PAYER_LABELS } from '../coverageLabels';
import { useApiForm } from '../useApiForm';
import { CheckboxField } from './CheckboxField';
import { ErrorAlert } from './ErrorAlert';
import { FieldError } from './FieldError';
import { FormActions } from './FormActions';
import { NumberField, wholeNumber } from './NumberField';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

interface Props {
  /** The listing changed; a new one is added without it. */
  service?: Service;
  onDone: (service: Service) => void;
  onStale?: () => void;
  onCancel: () => void;
}

const FIELDS = [
  'name', 'provider', 'needs', 'description', 'min_age', 'max_age', 'payers', 'area', 'languages', 'cost',
  'accepting', 'wait_days', 'hours', 'address', 'latitude', 'longitude', 'phone', 'active',
] as const;

const list = (text: string) => text.split(/[,;]/).map((item) => item.trim()).filter(Boolean);

/** "needs[1]" → "needs": a list item's error shows under the list. */
const listField = (field: string | null) => (field ? field.replace(/\[\d+\]$/, '') : null);

function coordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

export function ServiceListingForm({ service, onDone, onStale, onCancel }: Props) {
  const [name, setName] = useState(service?.name ?? '');
  const [provider, setProvider] = useState(service?.provider ?? '');
  const [needs, setNeeds] = useState((service?.needs ?? []).join(', '));
  const [description, setDescription] = useState(service?.description ?? '');
  const [minAge, setMinAge] = useState(String(service?.min_age ?? 0));
  const [maxAge, setMaxAge] = useState(String(service?.max_age ?? 130));
  const [payers, setPayers] = useState<string[]>(service?.payers ?? []);
  const [area, setArea] = useState(service?.area ?? '');
  const [languages, setLanguages] = useState((service?.languages ?? []).join(', '));
  const [cost, setCost] = useState<CostKind>(service?.cost ?? 'free');
  const [accepting, setAccepting] = useState(service?.accepting ?? true);
  const [waitDays, setWaitDays] = useState(String(service?.wait_days ?? 0));
  const [hours, setHours] = useState(service?.hours ?? '');
  const [address, setAddress] = useState(service?.address ?? '');
  const [latitude, setLatitude] = useState(service?.latitude?.toString() ?? '');
  const [longitude, setLongitude] = useState(service?.longitude?.toString() ?? '');
  const [phone, setPhone] = useState(service?.phone ?? '');
  const [active, setActive] = useState(service?.active ?? true);
  const form = useApiForm(FIELDS, onStale);
  const prefix = service ? `listing-${service.id}` : 'listing-new';
  const headingId = `${prefix}-heading`;
  const errorOf = (field: string) =>
    form.fieldError(field) ?? (form.error && listField(form.error.field) === field ? form.error.message : null);
  const formError =
    form.formError && !['needs', 'payers', 'languages'].includes(listField(form.formError.field) ?? '') ? form.formError : null;

  async function submit(event: Event) {
    event.preventDefault();
    const lat = latitude.trim() ? coordinate(latitude) : null;
    const lon = longitude.trim() ? coordinate(longitude) : null;
    const ok = form.check({
      name: name.trim() ? null : 'Enter the service’s name.',
      needs: list(needs).length > 0 ? null : 'Name at least one need it meets, such as food.',
      min_age: wholeNumber(minAge) !== null ? null : 'Enter a whole number of years.',
      max_age: wholeNumber(maxAge) !== null ? null : 'Enter a whole number of years.',
      wait_days: wholeNumber(waitDays) !== null ? null : 'Enter a whole number of days (0 for none).',
      latitude: latitude.trim() && lat === null ? 'Enter the latitude in decimal degrees, such as 40.7128.' : null,
      longitude:
        longitude.trim() && lon === null
          ? 'Enter the longitude in decimal degrees, such as -74.006.'
          : (lat === null) !== (lon === null)
            ? 'Enter both latitude and longitude, or neither.'
            : null,
    });
    if (!ok) return;
    const input: ServiceInput = {
      name: name.trim(),
      provider: provider.trim(),
      needs: list(needs),
      description: description.trim(),
      min_age: wholeNumber(minAge) ?? 0,
      max_age: wholeNumber(maxAge) ?? 130,
      payers,
      area: area.trim(),
      languages: list(languages),
      cost,
      accepting,
      wait_days: wholeNumber(waitDays) ?? 0,
      hours: hours.trim(),
      address: address.trim(),
      latitude: lat,
      longitude: lon,
      phone: phone.trim(),
      active,
    };
    const saved = await form.run(() => (service ? updateService(service, input) : createService(input)));
    if (saved) onDone(saved);
  }

  const togglePayer = (payer: string, on: boolean) =>
    setPayers(on ? [...payers.filter((p) => p !== payer), payer] : payers.filter((p) => p !== payer));

  return (
    <form class="subform listing-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{service ? `Edit listing: ${service.name}` : 'Add a listing'}</h3>
      <ErrorAlert error={formError} />
      <div class="form-grid">
        <TextField id={`${prefix}-name`} label="Name" value={name} onInput={setName} required maxLength={200}
          error={errorOf('name')} />
        <TextField id={`${prefix}-provider`} label="Provider" value={provider} onInput={setProvider} maxLength={200}
          error={errorOf('provider')} />
        <TextField id={`${prefix}-needs`} label="Needs met" value={needs} onInput={setNeeds} required
          hint={`Separated by commas: ${KNOWN_NEEDS.join(', ')}.`} error={errorOf('needs')} />
        <TextField id={`${prefix}-languages`} label="Languages" value={languages} onInput={setLanguages}
          hint="Language tags separated by commas, such as en, es." error={errorOf('languages')} />
        <TextAreaField id={`${prefix}-description`} label="Description" value={description} onInput={setDescription}
          rows={2} maxLength={4000} class="wide" error={errorOf('description')} />
        <SelectField id={`${prefix}-cost`} label="Cost" value={cost} error={errorOf('cost')}
          options={COST_KINDS.map((c) => ({ value: c, label: COST_LABELS[c] }))} onChange={(v) => setCost(v as CostKind)} />
        <fieldset class="field payer-choices" aria-describedby={`${prefix}-payers-hint`}>
          <legend class="field-label">Coverage taken</legend>
          <p class="hint" id={`${prefix}-payers-hint`}>A fee service serves only clients with one of these.</p>
          <div class="checkbox-row">
            {PAYER_KINDS.map((payer) => (
              <CheckboxField key={payer} id={`${prefix}-payer-${payer}`} label={PAYER_LABELS[payer]}
                checked={payers.includes(payer)} onChange={(on) => togglePayer(payer, on)} />
            ))}
          </div>
          <FieldError id={`${prefix}-payers`} message={errorOf('payers')} />
        </fieldset>
        <NumberField id={`${prefix}-min-age`} label="Youngest age served" value={minAge} onInput={setMinAge} min={0}
          max={130} error={errorOf('min_age')} />
        <NumberField id={`${prefix}-max-age`} label="Oldest age served" value={maxAge} onInput={setMaxAge} min={0}
          max={130} error={errorOf('max_age')} />
        <NumberField id={`${prefix}-wait-days`} label="Typical wait (days)" value={waitDays} onInput={setWaitDays}
          min={0} error={errorOf('wait_days')} />
        <CheckboxField id={`${prefix}-accepting`} label="Accepting new clients" checked={accepting}
          onChange={setAccepting} error={errorOf('accepting')} />
        <TextField id={`${prefix}-hours`} label="Hours" value={hours} onInput={setHours} maxLength={500}
          error={errorOf('hours')} />
        <TextField id={`${prefix}-phone`} label="Phone" type="tel" value={phone} onInput={setPhone}
          error={errorOf('phone')} />
        <TextField id={`${prefix}-address`} label="Address" value={address} onInput={setAddress} maxLength={500}
          class="wide" error={errorOf('address')} />
        <TextField id={`${prefix}-area`} label="Area served" value={area} onInput={setArea} maxLength={500}
          error={errorOf('area')} />
        <div />
        <TextField id={`${prefix}-latitude`} label="Latitude" value={latitude} onInput={setLatitude} inputMode="text"
          hint="Decimal degrees; with longitude, for distances." error={errorOf('latitude')} />
        <TextField id={`${prefix}-longitude`} label="Longitude" value={longitude} onInput={setLongitude}
          inputMode="text" error={errorOf('longitude')} />
        <div class="wide">
          <CheckboxField id={`${prefix}-active`} label="Listed (offered now)" checked={active} onChange={setActive}
            error={errorOf('active')} />
          <p class="hint">
            A listing no longer offered leaves the search. To list it again, import it from the CSV export with active
            set to yes.
          </p>
        </div>
      </div>
      <FormActions busy={form.busy} label={service ? 'Save listing' : 'Add listing'} onCancel={onCancel} />
    </form>
  );
}
