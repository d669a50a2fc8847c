// Register a new client. Handles the API's duplicate checks: 409 possible_duplicate lists the
// look-alike clients and offers "Create anyway" (confirm_duplicate: true); 409 already_exists
// links to the client holding the identifier; 400/422 put the message next to the named field.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientInput, ClientSummary, RiskLevel, Sex } from '../api';
import { ApiError, createClient, RISK_LEVELS, SEXES } from '../api';
import { CheckboxField } from '../components/CheckboxField';
import { DuplicateWarning } from '../components/DuplicateWarning';
import { ErrorAlert } from '../components/ErrorAlert';
import type { IdentifierRow } from '../components/IdentifierRows';
import { IdentifierRows } from '../components/IdentifierRows';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { RISK_LABELS } from '../cycleLabels';
import { setTitle, SEX_LABELS } from '../format';
import { clientHref, navigate } from '../router';

interface Form {
  given_name: string;
  family_name: string;
  middle_name: string;
  preferred_name: string;
  birth_date: string;
  sex: Sex;
  risk_level: RiskLevel;
  preferred_language: string;
  interpreter_needed: boolean;
  phone: string;
  email: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postal_code: string;
  country: string;
}

const EMPTY: Form = {
  given_name: '',
  family_name: '',
  middle_name: '',
  preferred_name: '',
  birth_date: '',
  sex: 'unknown',
  risk_level: 'none',
  preferred_language: 'en',
  interpreter_needed: false,
  phone: '',
  email: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postal_code: '',
  country: '',
};

const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;

/** Maps the API's field path to the id of the input that shows it. */
function inputIdFor(field: string, identifierRows: IdentifierRow[]): string | null {
  const identifier = /^identifiers\[(\d+)\](?:\.(type|value))?$/.exec(field);
  if (identifier) {
    const row = identifierRows[Number(identifier[1])];
    return row ? `identifier-${row.key}-${identifier[2] ?? 'type'}` : null;
  }
  if (field === 'address') return 'client-line1';
  if (field === 'identifiers') return null;
  const address = /^address\.(\w+)$/.exec(field);
  if (address) return `client-${address[1]}`;
  return `client-${field}`;
}

const LANGUAGE_SUGGESTIONS = ['en', 'es', 'zh-Hans', 'zh-Hant', 'vi', 'tl', 'ar', 'fr', 'ht', 'ko', 'ru', 'pt', 'pl', 'so', 'asl'];

export function ClientCreate() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [identifiers, setIdentifiers] = useState<IdentifierRow[]>([]);
  /** Field errors keyed by the form's own paths (identifier rows use their position on screen). */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [candidates, setCandidates] = useState<ClientSummary[] | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => setTitle('New client'), []);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (path: string) => fieldErrors[path] ?? null;

  function buildInput(confirmDuplicate: boolean): { input: ClientInput; sentRows: number[] } {
    const trimmed = (value: string) => value.trim();
    const input: ClientInput = {
      given_name: trimmed(form.given_name),
      family_name: trimmed(form.family_name),
      birth_date: form.birth_date,
      sex: form.sex,
      risk_level: form.risk_level,
      preferred_language: trimmed(form.preferred_language) || 'en',
      interpreter_needed: form.interpreter_needed,
    };
    if (trimmed(form.middle_name)) input.middle_name = trimmed(form.middle_name);
    if (trimmed(form.preferred_name)) input.preferred_name = trimmed(form.preferred_name);
    if (trimmed(form.phone)) input.phone = trimmed(form.phone);
    if (trimmed(form.email)) input.email = trimmed(form.email);
    const address: Record<string, string> = {};
    for (const key of ADDRESS_KEYS) if (trimmed(form[key])) address[key] = trimmed(form[key]);
    if (Object.keys(address).length > 0) input.address = address;
    // Blank identifier rows are left out; remember which screen row each sent entry came from.
    const sentRows: number[] = [];
    const sent = identifiers.filter((row, index) => {
      const keep = row.value.trim() !== '';
      if (keep) sentRows.push(index);
      return keep;
    });
    input.identifiers = sent.map((row) => ({ type: row.type, value: row.value.trim() }));
    if (confirmDuplicate) input.confirm_duplicate = true;
    return { input, sentRows };
  }

  function localErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!form.given_name.trim()) errors.given_name = 'Enter the given name.';
    if (!form.family_name.trim()) errors.family_name = 'Enter the family name.';
    if (!form.birth_date) errors.birth_date = 'Enter the birth date (YYYY-MM-DD).';
    return errors;
  }

  async function submit(confirmDuplicate: boolean) {
    if (busy) return;
    const local = localErrors();
    setFormError(null);
    setExistingId(null);
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      focusAfterRender.current = `client-${Object.keys(local)[0]}`;
      return;
    }
    setFieldErrors({});
    const { input, sentRows } = buildInput(confirmDuplicate);
    setBusy(true);
    try {
      const created = await createClient(input);
      navigate(clientHref(created.id));
    } catch (caught) {
      const error =
        caught instanceof ApiError ? caught : new ApiError({ status: 0, code: 'unknown', message: String(caught) });
      handleError(error, sentRows);
    } finally {
      setBusy(false);
    }
  }

  function handleError(error: ApiError, sentRows: number[]) {
    if (error.status === 409 && error.code === 'possible_duplicate') {
      setCandidates(error.candidates);
      focusAfterRender.current = 'duplicate-warning';
      return;
    }
    setCandidates(null);
    if (error.status === 409 && error.code === 'already_exists') {
      setExistingId(error.existing_id);
      setFormError(error);
      focusAfterRender.current = 'form-error';
      return;
    }
    // Re-key identifier paths from the sent list to the rows on screen.
    let field = error.field;
    const identifier = field ? /^identifiers\[(\d+)\](.*)$/.exec(field) : null;
    if (identifier && sentRows[Number(identifier[1])] !== undefined) {
      field = `identifiers[${sentRows[Number(identifier[1])]}]${identifier[2]}`;
    }
    const inputId = field ? inputIdFor(field, identifiers) : null;
    if ((error.status === 400 || error.status === 422) && field && inputId && document.getElementById(inputId)) {
      setFieldErrors({ [field]: error.message });
      focusAfterRender.current = inputId;
      return;
    }
    setFormError(error);
    focusAfterRender.current = 'form-error';
  }

  return (
    <div>
      <div class="page-heading">
        <h1>New client</h1>
        <p class="subtitle">Register a client. Fields marked required must be filled in.</p>
      </div>

      {candidates ? (
        <div id="duplicate-warning" tabIndex={-1} class="focus-target">
          <DuplicateWarning candidates={candidates} busy={busy} onCreateAnyway={() => submit(true)} />
        </div>
      ) : null}

      {formError ? (
        <div id="form-error" tabIndex={-1} class="focus-target">
          <ErrorAlert>
            {formError.code === 'already_exists' ? (
              <p>
                A client with this identifier already exists.{' '}
                {existingId ? <a href={clientHref(existingId)}>Open the existing client</a> : null}
              </p>
            ) : (
              <p>{formError.message}</p>
            )}
          </ErrorAlert>
        </div>
      ) : null}

      <form
        class="card client-form"
        aria-label="New client"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        <fieldset>
          <legend>Name and birth</legend>
          <div class="form-grid">
            <TextField id="client-given_name" label="Given name" value={form.given_name}
              onInput={set('given_name')} required error={err('given_name')} autoComplete="off" maxLength={100} />
            <TextField id="client-family_name" label="Family name" value={form.family_name}
              onInput={set('family_name')} required error={err('family_name')} autoComplete="off" maxLength={100} />
            <TextField id="client-middle_name" label="Middle name" value={form.middle_name}
              onInput={set('middle_name')} error={err('middle_name')} autoComplete="off" maxLength={100} />
            <TextField id="client-preferred_name" label="Preferred name" value={form.preferred_name}
              onInput={set('preferred_name')} error={err('preferred_name')} autoComplete="off" maxLength={100} />
            <TextField id="client-birth_date" label="Birth date" type="date" value={form.birth_date}
              onInput={set('birth_date')} required error={err('birth_date')} />
            <SelectField id="client-sex" label="Sex" value={form.sex} onChange={(v) => set('sex')(v as Sex)}
              error={err('sex')} options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))} />
            <SelectField id="client-risk_level" label="Risk level" value={form.risk_level}
              onChange={(v) => set('risk_level')(v as RiskLevel)} error={err('risk_level')}
              hint="Orders the worklist after lateness; change it on the client's page as things change."
              options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }))} />
          </div>
        </fieldset>

        <fieldset>
          <legend>Language</legend>
          <div class="form-grid">
            <TextField id="client-preferred_language" label="Preferred language" value={form.preferred_language}
              onInput={set('preferred_language')} error={err('preferred_language')} list="language-tags"
              hint="A language tag: en, es, zh-Hant, vi…" autoComplete="off" />
            <datalist id="language-tags">
              {LANGUAGE_SUGGESTIONS.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
            <CheckboxField id="client-interpreter_needed" label="Interpreter needed" checked={form.interpreter_needed}
              onChange={set('interpreter_needed')} error={err('interpreter_needed')} />
          </div>
        </fieldset>

        <fieldset>
          <legend>Contact details</legend>
          <div class="form-grid">
            <TextField id="client-phone" label="Phone" type="tel" value={form.phone} onInput={set('phone')}
              error={err('phone')} autoComplete="off" />
            <TextField id="client-email" label="Email" type="email" value={form.email} onInput={set('email')}
              error={err('email')} autoComplete="off" />
            <TextField id="client-line1" label="Address line 1" value={form.line1} onInput={set('line1')}
              error={err('address.line1') ?? err('address')} autoComplete="off" class="wide" />
            <TextField id="client-line2" label="Address line 2" value={form.line2} onInput={set('line2')}
              error={err('address.line2')} autoComplete="off" class="wide" />
            <TextField id="client-city" label="City" value={form.city} onInput={set('city')}
              error={err('address.city')} autoComplete="off" />
            <TextField id="client-state" label="State" value={form.state} onInput={set('state')}
              error={err('address.state')} autoComplete="off" />
            <TextField id="client-postal_code" label="Postal code" value={form.postal_code} onInput={set('postal_code')}
              error={err('address.postal_code')} autoComplete="off" />
            <TextField id="client-country" label="Country" value={form.country} onInput={set('country')}
              error={err('address.country')} autoComplete="off" />
          </div>
        </fieldset>

        <IdentifierRows rows={identifiers} onChange={setIdentifiers} errors={fieldErrors} />

        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Create client'}
          </button>
        </div>
      </form>
    </div>
  );
}
