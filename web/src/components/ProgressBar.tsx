// A horizontal bar for how far something has got (a goal's % achieved, an authorization's units
// used): role="progressbar" with its value in words for screen readers, and the words beside it.
// `tone` colours it: "warning" for something running out.

interface Props {
  value: number;
  max?: number;
  /** What the bar measures, for screen readers ("Find housing: % achieved"). */
  label: string;
  /** The value in words, shown beside the bar and read out ("40% achieved"). */
  text: string;
  tone?: 'normal' | 'warning' | 'done';
}

export function ProgressBar({ value, max = 100, label, text, tone = 'normal' }: Props) {
  const share = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div class={`progress progress-${tone}`}>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <div class="progress-fill" style={{ width: `${share}%` }} />
      </div>
      <span class="progress-text">{text}</span>
    </div>
  );
}
