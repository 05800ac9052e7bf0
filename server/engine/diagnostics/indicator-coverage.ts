/**
 * How complete one indicator is in one period: how many base units have a raw value, how many do
 * not and why (the results' reason codes, by name), and the share present among the units it
 * applies to (a "not applicable" cell, an urban-only indicator for a village, is not a gap).
 *
 * @example
 * // rows 0–2 are period 0; row 1 is missing as missing_input (code 1)
 * indicatorCoverage(Float64Array.of(5, NaN, 7), Uint8Array.of(0, 1, 0), 0, 3)
 * // { present: 2, total: 3, applicable: 3, share: 2/3, reasons: { missing_input: 1 } }
 */
import { MISSING_REASONS } from '../missing-reasons.js';

export interface Coverage {
  readonly present: number;
  readonly total: number;
  readonly applicable: number;
  readonly share: number;
  readonly reasons: Readonly<Record<string, number>>;
}

export function indicatorCoverage(
  raw: Float64Array | undefined,
  reasons: Uint8Array | undefined,
  period: number,
  unitCount: number,
): Coverage {
  const from = period * unitCount;
  let present = 0;
  const counts: Record<string, number> = {};
  for (let row = from; row < from + unitCount; row++) {
    if (Number.isFinite(raw?.[row] ?? Number.NaN)) present++;
    const code = reasons?.[row] ?? 0;
    if (code === 0) continue;
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
