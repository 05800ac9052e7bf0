/**
 * A chart.js line chart of scores over periods, one line per unit, as plain JSON; lines differ in
 * colour, dash pattern and point style (palette.ts) so they stay apart in print and for colour-blind
 * readers. Missing values leave gaps.
 *
 * @example lineChart(['2023', '2024'], [{ label: 'A', values: [50, 55] }], 'Index').type === 'line'
 */
import { seriesStyle } from './palette.js';
import { chartValues, type ChartSeries } from './radar-chart.js';

export function lineChart(
  periods: readonly string[],
  series: readonly ChartSeries[],
  title: string,
): unknown {
  return {
    type: 'line',
    data: {
      labels: periods,
      datasets: series.map((s, i) => {
        const style = seriesStyle(i);
        return {
          label: s.label,
          data: chartValues(s.values),
          borderColor: style.colour,
          backgroundColor: style.colour,
          pointStyle: style.pointStyle,
          pointRadius: 5,
          borderDash: style.dash,
          borderWidth: 2,
          spanGaps: false,
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: title } },
      scales: { y: { title: { display: true, text: title } } },
    },
  };
}
