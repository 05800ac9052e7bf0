/**
 * A score's change since the previous period as a table cell: the signed number, an arrow and the
 * word (up, level, down), so the direction never rests on colour alone.
 *
 * @example changeCell(61.2, 58.4, 'en') // { text: '+2.8', symbol: '▲', direction: 'up', label: 'up' }
 */
import { scoreChange } from '../compute/score-change.js';
import { numberFormat, MISSING } from '../format/number-format.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

export interface ChangeCell {
  readonly text: string;
  readonly symbol: string;
  readonly direction: 'up' | 'level' | 'down' | 'none';
  readonly label: string;
}

const SYMBOLS = { up: '▲', level: '►', down: '▼' } as const;

export function changeCell(current: number, previous: number, lang: Lang): ChangeCell {
  const change = scoreChange(current, previous);
  if (change === null) return { text: MISSING, symbol: '', direction: 'none', label: '' };
  return {
    text: numberFormat(lang).signed(change.delta),
    symbol: SYMBOLS[change.direction],
    direction: change.direction,
    label: labelOf(lang, 'change', change.direction),
  };
}
