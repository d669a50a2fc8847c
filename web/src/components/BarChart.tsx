// Horizontal bars, one row per category (a person, a destination), one bar per series, drawn by
// Chart.js: the value axis starts at 0 and is titled with its unit, percentages run 0–100. The
// canvas is an image with a name, described by the one-sentence summary shown above it; the table
// beside it (given by the caller) holds the same numbers and the links to the cases behind them.
// Clicking a bar follows the same link as its row in the table.

import type { ChartConfiguration } from 'chart.js';
import { useRef } from 'preact/hooks';
import { seriesStyle, useChart } from '../useChart';

export interface BarSeries {
  label: string;
  values: number[];
}

interface Props {
  id: string;
  /** The chart's name ("Caseload by person"). */
  title: string;
  /** The gist in one or two sentences, for people who cannot see the picture. */
  summary: string;
  categories: string[];
  series: BarSeries[];
  /** The value axis's title, with the unit ("Cases", "Items overdue"). */
  valueTitle: string;
  /** The category axis's title ("Person"). */
  categoryTitle: string;
  /** Values are percentages: the axis runs 0–100 %. */
  percent?: boolean;
  /** Counts: whole-number ticks only. */
  whole?: boolean;
  /** A bar was clicked (category index). */
  onSelect?: (index: number) => void;
}

const ROW_HEIGHT = 26;

export function BarChart(props: Props) {
  const { id, title, summary, categories, series, valueTitle, categoryTitle, percent, whole, onSelect } = props;
  // The chart keeps the first handler it was given; this reads the latest one.
  const select = useRef(onSelect);
  select.current = onSelect;
  const canvas = useChart(() => {
    const config: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: categories,
        datasets: series.map((one, index) => {
          const style = seriesStyle(index);
          return {
            label: one.label,
            data: one.values,
            backgroundColor: style.fill,
            borderColor: style.color,
            borderWidth: 1,
            maxBarThickness: 22,
          };
        }),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        onClick: (_event, elements) => {
          if (select.current && elements.length > 0) select.current(elements[0].index);
        },
        onHover: (event, elements) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target && select.current) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
        plugins: {
          legend: { display: series.length > 1, position: 'top', align: 'start' },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${item.formattedValue}${percent ? '%' : ''}`,
            },
          },
        },
        scales: {
          x: {
            beginAtZero: true,
            min: 0,
            max: percent ? 100 : undefined,
            suggestedMax: percent ? undefined : whole ? 4 : undefined,
            title: { display: true, text: valueTitle, font: { weight: 'bold' } },
            ticks: {
              precision: whole ? 0 : undefined,
              callback: percent ? (value) => `${value}%` : undefined,
            },
          },
          y: {
            title: { display: true, text: categoryTitle, font: { weight: 'bold' } },
            grid: { display: false },
          },
        },
      },
    };
    return config;
  }, [JSON.stringify(categories), JSON.stringify(series), valueTitle, categoryTitle, percent, whole]);

  const rows = Math.max(categories.length, 1) * Math.max(series.length, 1);
  const height = Math.max(150, rows * ROW_HEIGHT + (series.length > 1 ? 100 : 70));
  return (
    <figure class="chart">
      <figcaption id={`${id}-summary`} class="chart-summary">
        {summary}
      </figcaption>
      <div class="chart-box" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={title} aria-describedby={`${id}-summary`} />
      </div>
    </figure>
  );
}
