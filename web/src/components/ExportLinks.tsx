// The downloads of a report for the period and scope on screen: CSV, Excel and PDF. Plain links:
// the browser sends the session cookie with the GET and saves the attachment the server answers.

import type { ExportFormat, ReportScope } from '../reportsApi';
import { EXPORT_FORMATS, exportUrl } from '../reportsApi';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'Export CSV',
  xlsx: 'Export Excel',
  pdf: 'Export PDF',
};

interface Props {
  period: string;
  scope: ReportScope;
  /** The named report (docs/api.md): "monthly" holds every metric. */
  report?: string;
}

export function ExportLinks({ period, scope, report = 'monthly' }: Props) {
  return (
    <div class="actions export-links" role="group" aria-label="Export the report">
      {EXPORT_FORMATS.map((format) => (
        <a key={format} class="button button-secondary button-small" href={exportUrl(report, format, period, scope)}
          download>
          {FORMAT_LABELS[format]}
        </a>
      ))}
    </div>
  );
}
