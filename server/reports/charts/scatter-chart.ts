/**
 * A chart.js scatter chart of one value against another per unit (here a unit's rank in one
 * evaluation against its rank in another), as plain JSON. The caller keeps the number of points
 * reasonable for a browser.
 *
 * @example scatterChart([{ x: 1, y: 2 }], 'Rank A', 'Rank B', 'Ranks').type === 'scatter'
 */
import { OKABE_ITO } from './palette.js';

export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
}

export function scatterChart(
  points: readonly ScatterPoint[],
  xTitle: string,
  yTitle: string,
  title: string,
): unknown {
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: title,
          data: points.map((p) => ({ x: p.x, y: p.y })),
          borderColor: OKABE_ITO.blue,
          backgroundColor: 'rgba(0, 114, 178, 0.5)',
          pointRadius: points.length > 500 ? 2 : 4,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      plugins: { title: { display: true, text: title }, legend: { display: false } },
      scales: {
        x: { type: 'linear', title: { display: true, text: xTitle } },
        y: { type: 'linear', title: { display: true, text: yTitle } },
      },
    },
  };
}
