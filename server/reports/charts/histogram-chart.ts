/**
 * A chart.js bar chart of a score histogram, as plain JSON (no functions: it travels in a
 * <script type="application/json"> block and views/static/js/charts.js draws it).
 *
 * @example histogramChart(['0–10', '10–20'], [3, 5], 'Units', 'Score range').type === 'bar'
 */
import { OKABE_ITO } from './palette.js';

export function histogramChart(
  labels: readonly string[],
  counts: readonly number[],
  countTitle: string,
  rangeTitle: string,
): unknown {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: countTitle,
          data: counts,
          backgroundColor: OKABE_ITO.blue,
          borderColor: OKABE_ITO.black,
          borderWidth: 1,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        x: { title: { display: true, text: rangeTitle } },
        y: { beginAtZero: true, title: { display: true, text: countTitle }, ticks: { precision: 0 } },
      },
    },
  };
}
