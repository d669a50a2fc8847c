// Trend lines over periods (months), drawn by Chart.js: one line per metric, each with its own
// colour, dash and point shape; the value axis titled with its unit and fixed to its scale (0–100
// for percentages, 1–5 for satisfaction) so months and programs compare at a glance. A period
// without any event has no point (a gap, not a zero). The canvas is an image with a name,
// described by the summary shown above it; the caller puts the same numbers in a table.

import type { ChartConfiguration } from 'chart.js';
import { useRef } from 'preact/hooks';
import { seriesStyle, useChart } from '../useChart';

export interface LineSeries {
  label: string;
  values: (number | null)[];
}

interface Props {
  id: string;
  title: string;
  summary: string;
  /** The periods along the time axis, oldest first ("Nov 2025" … "Oct 2026"). */
  categories: string[];
  series: LineSeries[];
  valueTitle: string;
  min: number;
  max: number;
  /** Appended to tick and tooltip values ("%"). */
  suffix?: string;
  /** A point was clicked: the period's index and the series'. */
  onSelect?: (periodIndex: number, seriesIndex: number) => void;
}

export function LineChart(props: Props) {
  const { id, title, summary, categories, series, valueTitle, min, max, suffix = '', onSelect } = props;
  // The chart keeps the first handler it was given; this reads the latest one.
  const select = useRef(onSelect);
  select.current = onSelect;
  const canvas = useChart(() => {
    const config: ChartConfiguration = {
      type: 'line',
      data: {
        labels: categories,
        datasets: series.map((one, index) => {
          const style = seriesStyle(index);
          return {
            label: one.label,
            data: one.values,
            borderColor: style.color,
            backgroundColor: style.color,
            borderDash: style.dash,
            borderWidth: 2.5,
            pointStyle: style.point,
            pointRadius: 4.5,
            pointHoverRadius: 7,
            spanGaps: false,
            // A point on the edge (100 %, the last month) is drawn whole, not cut by the plot area.
            clip: 8,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: true },
        onClick: (_event, elements) => {
          if (select.current && elements.length > 0) select.current(elements[0].index, elements[0].datasetIndex);
        },
        onHover: (event, elements) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target && select.current) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
        plugins: {
          legend: {
            position: 'top',
            align: 'start',
            labels: { usePointStyle: true, boxWidth: 10, boxHeight: 10, padding: 14 },
          },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}${suffix}` },
          },
        },
        scales: {
          x: {
            offset: true,
            title: { display: true, text: 'Month', font: { weight: 'bold' } },
            grid: { display: false },
          },
          y: {
            min,
            max,
            title: { display: true, text: valueTitle, font: { weight: 'bold' } },
            ticks: { callback: (value) => `${value}${suffix}` },
          },
        },
      },
    };
    return config;
  }, [JSON.stringify(categories), JSON.stringify(series), valueTitle, min, max, suffix]);

  return (
    <figure class="chart">
      <figcaption id={`${id}-summary`} class="chart-summary">
        {summary}
      </figcaption>
      <div class="chart-box chart-box-trend">
        <canvas ref={canvas} role="img" aria-label={title} aria-describedby={`${id}-summary`} />
      </div>
    </figure>
  );
}
