/**
 * How complete one indicator is in one period: how many base units have a raw value, how many do
 * not and why (the results' reason codes, by name), and the share present among the units it
 * applies to (a "not applicable" cell, an urban-only indicator for a village, is not a gap).
 *
 * @example
 * // rows 0–2 are period 0; row 1 is missing as missing_input (code 1)
 * indicatorCoverage([5, null, 7, 8], { '1': 1 }, 0, 3) // { present: 2, total: 3, applicable: 3, share: 2/3, reasons: { missing_input: 1 } }
 */
import { MISSING_REASONS } from '../../engine/missing-reasons.js';
import type { Cell } from '../../evaluation/results-document.js';

export interface Coverage {
  readonly present: number;
  readonly total: number;
  readonly applicable: number;
  readonly share: number;
  readonly reasons: Readonly<Record<string, number>>;
}

export function indicatorCoverage(
  raw: readonly Cell[] | undefined,
  reasons: Readonly<Record<string, number>> | undefined,
  period: number,
  unitCount: number,
): Coverage {
  const from = period * unitCount;
  const to = from + unitCount;
  let present = 0;
  for (let row = from; row < to; row++) if (raw?.[row] !== null && raw?.[row] !== undefined) present++;
  const counts: Record<string, number> = {};
  for (const [row, code] of Object.entries(reasons ?? {})) {
    const at = Number(row);
    if (at < from || at >= to) continue;
    const name = MISSING_REASONS[code] ?? 'unknown';
    counts[name] = (counts[name] ?? 0) + 1;
  }
  const applicable = unitCount - (counts.not_applicable ?? 0);
  return {
    present,
    total: unitCount,
    applicable,
    share: applicable > 0 ? present / applicable : Number.NaN,
    reasons: counts,
  };
}
