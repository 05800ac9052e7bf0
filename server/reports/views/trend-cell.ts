/**
 * A trend arrow as the page shows it: the arrow, a CSS class and the words (on track, moderately
 * improving, stagnating, decreasing; "no earlier value" without a trend).
 *
 * @example trendCell('improving', 'zh') // { trend: 'improving', css: 'trend-improving', arrow: '↗', label: '稳步改善' }
 */
import type { TrendName as Trend } from '../format/signal-names.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

export interface TrendCell {
  readonly trend: Trend | 'none';
  readonly css: string;
  readonly arrow: string;
  readonly label: string;
}

const ARROWS: Readonly<Record<Trend | 'none', string>> = {
  on_track: '↑',
  improving: '↗',
  stagnating: '→',
  decreasing: '↓',
  none: '·',
};

/** One cell per trend and language, shared by every page (a unit's page shows dozens). */
const CELLS = new Map<string, TrendCell>();

export function trendCell(trend: Trend | null, lang: Lang): TrendCell {
  const key = trend ?? 'none';
  let cell = CELLS.get(`${lang} ${key}`);
  if (cell === undefined) {
    cell = Object.freeze({
      trend: key,
      css: `trend-${key.replace('_', '-')}`,
      arrow: ARROWS[key],
      label: labelOf(lang, 'trend', key),
    });
    CELLS.set(`${lang} ${key}`, cell);
  }
  return cell;
}
