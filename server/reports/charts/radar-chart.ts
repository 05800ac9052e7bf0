/**
 * A chart.js radar of a unit's dimension scores against its peer group's median and best, as plain
 * JSON. Each series has its own colour, dash pattern and point style (palette.ts); the radial scale
 * runs 0–100 when every value lies on that scale.
 *
 * @example radarChart(['覆盖性', '回应性'], [{ label: '本单位', values: [60, 70] }]).type === 'radar'
 */
import { seriesStyle } from './palette.js';

export interface ChartSeries {
  readonly label: string;
  /** NaN for a missing value (drawn as a gap). */
  readonly values: readonly number[];
}

export function chartValues(values: readonly number[]): (number | null)[] {
  return values.map((v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null));
}

function onHundredScale(series: readonly ChartSeries[]): boolean {
  return series.every((s) => s.values.every((v) => !Number.isFinite(v) || (v >= 0 && v <= 100)));
}

export function radarChart(labels: readonly string[], series: readonly ChartSeries[]): unknown {
  return {
    type: 'radar',
    data: {
      labels,
      datasets: series.map((s, i) => {
        const style = seriesStyle(i);
        return {
          label: s.label,
          data: chartValues(s.values),
          borderColor: style.colour,
          backgroundColor: style.fill,
          pointBackgroundColor: style.colour,
          pointStyle: style.pointStyle,
          pointRadius: 4,
          borderDash: style.dash,
          borderWidth: 2,
          fill: i === 0,
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { r: onHundredScale(series) ? { min: 0, max: 100, ticks: { stepSize: 20 } } : {} },
    },
  };
}
