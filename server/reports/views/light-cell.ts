/**
 * A traffic light as the page shows it: a CSS class for the colour-blind-safe colour (Okabe–Ito
 * bluish green, yellow, orange, vermillion: read as green, yellow, orange and red, and still told
 * apart by colour-blind readers), a distinct symbol, and the word, so no reader depends on telling
 * colours apart. Also the hint beside a light and a trend that look at odds: a far-off light with an
 * on-track arrow (still far, but on pace), or a met target that fell back.
 *
 * @example lightCell('red', 'en') // { light: 'red', css: 'light-red', symbol: '✕', label: 'Major challenges' }
 * @example signalHint('red', 'on_track', 'zh') === '差距仍大，但按目前速度可按期达标'
 */
import type { LightName as Light, TrendName as Trend } from '../format/signal-names.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';

export interface LightCell {
  readonly light: Light | 'none';
  readonly css: string;
  readonly symbol: string;
  readonly label: string;
}

const SYMBOLS: Readonly<Record<Light | 'none', string>> = {
  green: '✓',
  yellow: '◔',
  orange: '◑',
  red: '✕',
  none: '–',
};

/** One cell per light and language, shared by every page (a unit's page shows dozens). */
const CELLS = new Map<string, LightCell>();

export function lightCell(light: Light | null, lang: Lang): LightCell {
  const key = light ?? 'none';
  let cell = CELLS.get(`${lang} ${key}`);
  if (cell === undefined) {
    cell = Object.freeze({
      light: key,
      css: `light-${key}`,
      symbol: SYMBOLS[key],
      label: labelOf(lang, 'light', key),
    });
    CELLS.set(`${lang} ${key}`, cell);
  }
  return cell;
}

/** Why a light and a trend arrow both hold when they look at odds; '' when they do not. */
export function signalHint(light: Light | null, trend: Trend | null, lang: Lang): string {
  const t = labelsFor(lang);
  if ((light === 'red' || light === 'orange') && trend === 'on_track') return t.hintFarButOnPace;
  if (light === 'green' && trend === 'decreasing') return t.hintAchievedButWorse;
  return '';
}
