// Draws a Chart.js chart on a canvas and draws it again when its data change; the series styles
// the dashboards share (colours with at least 4.5:1 contrast on white, each with its own dash and
// point shape so series differ without colour too).

import type { Chart, ChartConfiguration, PointStyle } from 'chart.js';
import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface SeriesStyle {
  color: string;
  /** A lighter fill for bars (the border keeps the full colour). */
  fill: string;
  dash: number[];
  point: PointStyle;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: '#1d5da8', fill: '#1d5da8', dash: [], point: 'circle' },
  { color: '#b4470b', fill: '#e39a6a', dash: [6, 4], point: 'triangle' },
  { color: '#2b7a3d', fill: '#2b7a3d', dash: [2, 3], point: 'rect' },
  { color: '#7b3fa0', fill: '#7b3fa0', dash: [10, 3, 2, 3], point: 'rectRot' },
  { color: '#8a5a00', fill: '#8a5a00', dash: [12, 6], point: 'crossRot' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length];
}

/**
 * Draws `build()` on the returned canvas ref once Chart.js has loaded, and draws it again whenever
 * `deps` change (the charts are small; a fresh one is simpler than patching the old one's data).
 */
export function useChart(build: () => ChartConfiguration, deps: unknown[]): Ref<HTMLCanvasElement> {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart | null = null;
    let gone = false;
    import('./chartSetup').then(
      (charts) => {
        if (gone || !canvas.current) return;
        chart = new charts.Chart(canvas.current, build());
      },
      () => {
        // Without the chart the table beside it still holds every number.
      },
    );
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, deps);
  return canvas;
}
