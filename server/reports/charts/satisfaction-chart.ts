/**
 * A chart.js scatter of a score (x) against residents' satisfaction (y) per unit, as plain JSON:
 * each unit's survey interval as a vertical line (one line dataset whose segments are broken by
 * null points, so no plug-in is needed), the units as points coloured by whether their whole
 * interval lies below (vermillion) or above (blue) the predicted value, and the fitted line through
 * the predicted values of the lowest and highest score.
 *
 * @example satisfactionChart({ points: [{ x: 40, y: 72, low: 65, high: 79, beyond: 0 }], line: null, … }).type === 'scatter'
 */
import { OKABE_ITO } from './palette.js';

export interface SatisfactionPoint {
  readonly x: number;
  readonly y: number;
  readonly low: number;
  readonly high: number;
  readonly beyond: -1 | 0 | 1 | null;
}

export interface SatisfactionChartInput {
  readonly points: readonly SatisfactionPoint[];
  /** Two points of the fitted line (at the lowest and highest score), or null without a line. */
  readonly line: readonly [{ x: number; y: number }, { x: number; y: number }] | null;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly title: string;
  readonly labels: { readonly units: string; readonly intervals: string; readonly line: string };
}

const GREY = 'rgba(0, 0, 0, 0.35)';
const colourOf = (beyond: SatisfactionPoint['beyond']): string =>
  beyond === -1 ? OKABE_ITO.vermillion : beyond === 1 ? OKABE_ITO.blue : 'rgba(0, 0, 0, 0.55)';

export function satisfactionChart(input: SatisfactionChartInput): unknown {
  const { points, line } = input;
  const small = points.length > 300;
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: input.labels.units,
          data: points.map((p) => ({ x: p.x, y: p.y })),
          pointRadius: small ? 2 : 3.5,
          pointBackgroundColor: points.map((p) => colourOf(p.beyond)),
          pointBorderColor: points.map((p) => colourOf(p.beyond)),
          order: 1,
        },
        {
          label: input.labels.intervals,
          data: points.flatMap((p) => [
            { x: p.x, y: p.low },
            { x: p.x, y: p.high },
            { x: p.x, y: null },
          ]),
          showLine: true,
          spanGaps: false,
          pointRadius: 0,
          borderWidth: 1,
          borderColor: GREY,
          order: 2,
        },
        ...(line === null
          ? []
          : [
              {
                label: input.labels.line,
                data: line.map((p) => ({ x: p.x, y: p.y })),
                showLine: true,
                pointRadius: 0,
                borderWidth: 2,
                borderColor: OKABE_ITO.orange,
                borderDash: [6, 4],
                order: 0,
              },
            ]),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      plugins: { title: { display: true, text: input.title }, legend: { display: true } },
      scales: {
        x: { type: 'linear', title: { display: true, text: input.xTitle } },
        y: { type: 'linear', title: { display: true, text: input.yTitle } },
      },
    },
  };
}
