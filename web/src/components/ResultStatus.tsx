// The live status line above a list of results: searching, nothing found (with or without
// filters), or how many are shown and on which page.

interface Props {
  loading: boolean;
  /** Items on this page; null before the first answer. */
  count: number | null;
  filtered: boolean;
  page: number;
  singular: string;
  plural: string;
  noneMatch: string;
  noneYet: string;
}

export function ResultStatus({ loading, count, filtered, page, singular, plural, noneMatch, noneYet }: Props) {
  let text = '';
  if (loading) text = 'Searching…';
  else if (count === 0) text = filtered ? noneMatch : noneYet;
  else if (count !== null) text = `Showing ${count} ${count === 1 ? singular : plural}${page > 1 ? ` (page ${page})` : ''}.`;
  return (
    <p class="muted" role="status" aria-live="polite">
      {text}
    </p>
  );
}
