/**
 * A traffic light as the page shows it: a CSS class for the colour-blind-safe colour (Okabe–Ito
 * blue, sky blue, orange, vermillion), a distinct symbol, and the word, so no reader depends on
 * telling colours apart.
 *
 * @example lightCell('red', 'en') // { light: 'red', css: 'light-red', symbol: '✕', label: 'Major challenges' }
 */
import type { LightName as Light } from '../format/signal-names.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

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

export function lightCell(light: Light | null, lang: Lang): LightCell {
  const key = light ?? 'none';
  return { light: key, css: `light-${key}`, symbol: SYMBOLS[key], label: labelOf(lang, 'light', key) };
}
