// A client's scores on one instrument over time, as a small inline SVG: one point per assessment
// (corrected ones left out by the server), the instrument's bands shaded lightly behind them, the
// score scale and the first and last dates on the axes. The SVG has a title and a description,
// and a table lists the same points for anyone who cannot use the picture.

import type { Band, TrendPoint } from '../assessmentsApi';

interface Props {
  /** The instrument's short name ("PHQ-9"). */
  name: string;
  points: TrendPoint[];
  /** The instrument's scale and bands, when its definition is known. */
  min?: number;
  max?: number;
  bands?: Band[];
  idPrefix: string;
}

const WIDTH = 560;
const HEIGHT = 250;
const MARGIN = { top: 10, right: 14, bottom: 44, left: 46 };
/** Room between the axes and the first and last points. */
const INSET = 14;
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const DAY_MS = 24 * 3_600_000;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function TrendChart({ name, points, min, max, bands = [], idPrefix }: Props) {
  const scored = points.filter((point) => point.score !== null) as (TrendPoint & { score: number })[];
  if (scored.length === 0) return null;

  const scores = scored.map((point) => point.score);
  const low = Math.min(min ?? Math.min(...scores), ...scores);
  const high = Math.max(max ?? Math.max(...scores), ...scores, low + 1);
  // Each whole score owns a slice of the height, so a one-score band (e.g. Katz 6) still shows.
  const y = (value: number) => MARGIN.top + PLOT_H - ((value - (low - 0.5)) / (high - low + 1)) * PLOT_H;

  const times = scored.map((point) => new Date(point.completed_at).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first;
  const sameMoment = span === 0;
  // Points over time; when they were all taken at one moment, side by side in order instead.
  const x = (index: number) => {
    const inner = PLOT_W - 2 * INSET;
    if (scored.length === 1) return MARGIN.left + PLOT_W / 2;
    if (sameMoment) return MARGIN.left + INSET + (index / (scored.length - 1)) * inner;
    return MARGIN.left + INSET + ((times[index] - first) / span) * inner;
  };
  const format = span < 2 * DAY_MS ? dateTimeFormat : dateFormat;
  const firstLabel = format.format(new Date(first));
  const lastLabel = format.format(new Date(last));
  // Points taken within the same minute share one date under the axis.
  const oneDateLabel = scored.length === 1 || firstLabel === lastLabel;

  const sortedBands = [...bands].sort((a, b) => a.min - b.min);
  const ticks = sortedBands.length > 0 ? [...sortedBands.map((band) => band.min), high] : [low, high];
  const uniqueTicks = [...new Set(ticks)].filter((value) => value >= low && value <= high);

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const latest = scored[scored.length - 1];
  const describe = (point: TrendPoint & { score: number }) =>
    `${point.score}${point.result_display ? ` (${point.result_display})` : ''}`;
  const description =
    `${scored.length} ${scored.length === 1 ? 'score' : 'scores'}` +
    (scored.length > 1
      ? ` from ${format.format(new Date(first))} to ${format.format(new Date(last))}; first ${describe(scored[0])}, latest ${describe(latest)}.`
      : `, ${describe(latest)}, on ${format.format(new Date(first))}.`) +
    (sortedBands.length > 0
      ? ` Bands: ${sortedBands.map((band) => `${band.display} ${band.min}–${band.max}`).join(', ')}.`
      : '');

  const path = scored.map((_, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(scores[index]).toFixed(1)}`).join(' ');

  return (
    <figure class="trend">
      <svg
        class="trend-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{name} scores over time</title>
        <desc id={descId}>{description}</desc>
        {sortedBands.map((band, index) => {
          const top = y(Math.min(band.max, high) + 0.5);
          const bottom = y(Math.max(band.min, low) - 0.5);
          const height = bottom - top;
          return (
            <g key={band.code} class="trend-band">
              <rect x={MARGIN.left} y={top} width={PLOT_W} height={height}
                class={index % 2 === 0 ? 'trend-band-a' : 'trend-band-b'} />
              {height >= 13 ? (
                <text x={MARGIN.left + 6} y={top + Math.min(height / 2, 11) + 3.5} class="trend-band-label">
                  {band.display}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={MARGIN.left} y1={MARGIN.top} x2={MARGIN.left} y2={MARGIN.top + PLOT_H} class="trend-axis" />
        <line x1={MARGIN.left} y1={MARGIN.top + PLOT_H} x2={MARGIN.left + PLOT_W} y2={MARGIN.top + PLOT_H}
          class="trend-axis" />
        {uniqueTicks.map((value) => (
          <g key={value}>
            <line x1={MARGIN.left - 4} x2={MARGIN.left} y1={y(value)} y2={y(value)} class="trend-axis" />
            <text x={MARGIN.left - 7} y={y(value) + 4} class="trend-tick" text-anchor="end">
              {value}
            </text>
          </g>
        ))}
        <text class="trend-axis-label" text-anchor="middle"
          transform={`translate(12 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`}>
          Score
        </text>
        {oneDateLabel ? (
          <text x={scored.length === 1 ? x(0) : MARGIN.left + PLOT_W / 2} y={HEIGHT - 24} class="trend-tick"
            text-anchor="middle">
            {firstLabel}
          </text>
        ) : (
          <>
            <text x={x(0)} y={HEIGHT - 24} class="trend-tick" text-anchor="start">
              {firstLabel}
            </text>
            <text x={x(scored.length - 1)} y={HEIGHT - 24} class="trend-tick" text-anchor="end">
              {lastLabel}
            </text>
          </>
        )}
        <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 6} class="trend-axis-label" text-anchor="middle">
          Date completed
        </text>
        {scored.length > 1 ? <path d={path} class="trend-line" /> : null}
        {scored.map((point, index) => (
          <circle key={point.assessment_id} cx={x(index)} cy={y(point.score)} r={5} class="trend-point">
            <title>
              {dateTimeFormat.format(new Date(point.completed_at))}: {describe(point)}
            </title>
          </circle>
        ))}
      </svg>
      <details class="trend-table">
        <summary>{name} scores as a table</summary>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{name} scores, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Completed</th>
                <th scope="col" class="numeric">
                  Score
                </th>
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {scored.map((point) => (
                <tr key={point.assessment_id}>
                  <th scope="row">{dateTimeFormat.format(new Date(point.completed_at))}</th>
                  <td class="numeric">{point.score}</td>
                  <td>{point.result_display ?? point.result ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
