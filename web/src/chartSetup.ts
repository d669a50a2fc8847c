// Chart.js as the dashboards use it: only the parts they draw (bars and lines, their axes, legend
// and tooltips) and the page's look (its font and text colour, no animation). Loaded on demand by
// useChart, so screens without charts do not download it.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend,
  Tooltip);
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1c2430';
Chart.defaults.borderColor = '#d3d9e2';
// Figures appear at once: nothing moves for people who get dizzy from motion, and print is exact.
Chart.defaults.animation = false;

export { Chart };
