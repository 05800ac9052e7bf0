/**
 * Okabe & Ito's colour-blind-safe palette, and for each series a point style and a dash pattern, so
 * lines and areas stay apart in greyscale print and for every kind of colour vision.
 *
 * @example SERIES[0] // { colour: '#0072B2', fill: 'rgba(0, 114, 178, 0.15)', pointStyle: 'circle', dash: [] }
 */
export interface SeriesStyle {
  readonly colour: string;
  readonly fill: string;
  readonly pointStyle: string;
  readonly dash: readonly number[];
}

export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  bluishGreen: '#009E73',
  vermillion: '#D55E00',
  skyBlue: '#56B4E9',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

function style(colour: string, rgb: string, pointStyle: string, dash: readonly number[]): SeriesStyle {
  return { colour, fill: `rgba(${rgb}, 0.15)`, pointStyle, dash };
}

export const SERIES: readonly SeriesStyle[] = [
  style(OKABE_ITO.blue, '0, 114, 178', 'circle', []),
  style(OKABE_ITO.orange, '230, 159, 0', 'triangle', [8, 4]),
  style(OKABE_ITO.bluishGreen, '0, 158, 115', 'rectRot', [2, 3]),
  style(OKABE_ITO.vermillion, '213, 94, 0', 'rect', [12, 3, 2, 3]),
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES[index % SERIES.length] ?? style(OKABE_ITO.black, '0, 0, 0', 'circle', []);
}
