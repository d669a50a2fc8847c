// Previous/Next page buttons over a stack of cursors (the first page's cursor is null).

interface Props {
  cursors: (string | null)[];
  onCursors: (cursors: (string | null)[]) => void;
  nextCursor: string | null | undefined;
  loading: boolean;
}

export function Pager({ cursors, onCursors, nextCursor, loading }: Props) {
  if (cursors.length <= 1 && !nextCursor) return null;
  return (
    <nav class="pager" aria-label="Result pages">
      <button type="button" class="button-secondary" disabled={cursors.length <= 1 || loading}
        onClick={() => onCursors(cursors.slice(0, -1))}>
        Previous page
      </button>
      <button type="button" class="button-secondary" disabled={!nextCursor || loading}
        onClick={() => nextCursor && onCursors([...cursors, nextCursor])}>
        Next page
      </button>
    </nav>
  );
}
