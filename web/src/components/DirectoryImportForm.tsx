// Imports directory listings from a CSV file (administrators): the file is sent as text/csv;
// rows with an id replace that listing, others are added, all or nothing. The answer says how
// many were added and updated, or which row and column was refused.

import { useState } from 'preact/hooks';
import type { ImportCounts } from '../directoryApi';
import { importDirectoryCsv } from '../directoryApi';
import { useApiForm } from '../useApiForm';
import { ErrorAlert } from './ErrorAlert';
import { fieldAria } from './FieldError';
import { FieldFrame } from './FieldFrame';
import { FormActions } from './FormActions';

interface Props {
  onImported: (counts: ImportCounts) => void;
}

/** The refusal of row `rows[1].cost` ("line 3: cost must be ...") in words. */
export function importErrorText(field: string | null, message: string): string {
  const row = field ? /^rows\[(\d+)\]\.(\w+)$/.exec(field) : null;
  if (!row) return message;
  const line = /^line (\d+): (.*)$/s.exec(message);
  const where = `Row ${Number(row[1]) + 1}${line ? ` (line ${line[1]} of the file)` : ''}, column “${row[2]}”`;
  return `${where}: ${line ? line[2] : message}`;
}

export function DirectoryImportForm({ onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportCounts | null>(null);
  const form = useApiForm(['csv']);
  const id = 'directory-import-file';
  const rowError = form.error && form.error.field && /^rows\[/.test(form.error.field) ? form.error : null;
  const fileError =
    form.fieldError('csv') ?? (rowError ? `Nothing was imported. ${importErrorText(rowError.field, rowError.message)}` : null);

  async function submit(event: Event) {
    event.preventDefault();
    setResult(null);
    if (!form.check({ csv: file ? null : 'Choose a CSV file to import.' }) || !file) return;
    const text = await file.text();
    const counts = await form.run(() => importDirectoryCsv(text));
    if (counts) {
      setResult(counts);
      onImported(counts);
    }
  }

  return (
    <form class="directory-import" onSubmit={submit} aria-labelledby="directory-import-heading" noValidate>
      <h3 id="directory-import-heading">Import listings from CSV</h3>
      <ErrorAlert error={rowError ? null : form.formError} />
      <FieldFrame id={id} label="CSV file" error={fileError}
        hint="The export’s columns; name and needs are required. Rows with an id replace that listing, others are added.">
        <input id={id} name={id} type="file" accept=".csv,text/csv"
          onChange={(event) => {
            setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
            setResult(null);
          }}
          {...fieldAria(id, fileError, `${id}-hint`)} />
      </FieldFrame>
      <FormActions busy={form.busy} label="Import" busyLabel="Importing…" />
      <p class="muted small" role="status" aria-live="polite">
        {result
          ? `Imported: ${result.created} ${result.created === 1 ? 'listing' : 'listings'} added, ${result.updated} updated.`
          : ''}
      </p>
    </form>
  );
}
