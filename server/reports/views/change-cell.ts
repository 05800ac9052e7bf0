/**
 * A score's change since the previous period as a table cell: the engine's stored change
 * (server/engine/diagnostics/level-figures.ts) as a signed number, an arrow and the word (up, level,
 * down: a move of at least one point either way), so the direction never rests on colour alone.
 *
 * @example changeCell(2.8, 'en') // { text: '+2.8', symbol: '▲', direction: 'up', label: 'up' }
 */
import type { ReportContext } from '../context/report-context.js';
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

/** Below this many points either way a change reads as level. */
const STEP = 1;

/** The engine's change of a unit's node score since the previous period (NaN when not stored). */
export function engineChange(context: ReportContext, period: number, unit: number, node: string): number {
  const place = context.place(unit);
  return place?.level.figures?.changes.get(node)?.[place.row(period)] ?? Number.NaN;
}

export function changeCell(delta: number, lang: Lang): ChangeCell {
  if (!Number.isFinite(delta)) return { text: MISSING, symbol: '', direction: 'none', label: '' };
  const direction = delta >= STEP ? 'up' : delta <= -STEP ? 'down' : 'level';
  return {
    text: numberFormat(lang).signed(delta),
    symbol: SYMBOLS[direction],
    direction,
    label: labelOf(lang, 'change', direction),
  };
}
