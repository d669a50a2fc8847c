// The button row at the foot of a form: the submit button (its busy label while the call runs)
// and, when the form can be put away, Cancel.

interface Props {
  busy: boolean;
  label: string;
  /** The submit button's text while the call runs. */
  busyLabel?: string;
  /** Keeps the submit button off for a reason besides a running call. */
  disabled?: boolean;
  /** The submit button's class, e.g. "button-warning" for a step that ends something. */
  submitClass?: string;
  onCancel?: () => void;
}

export function FormActions({ busy, label, busyLabel = 'Saving…', disabled = false, submitClass, onCancel }: Props) {
  return (
    <div class="actions">
      <button type="submit" class={submitClass} disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      {onCancel ? (
        <button type="button" class="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
