/**
 * Period-over-period jumps: a unit's value that moves beyond the framework's `factor` from its previous
 * period (up or down: more than factor ×, or less than 1 / factor ×), or lies beyond `robust_sd`
 * robust standard deviations (1.4826 × the median absolute deviation) from the median of its earlier
 * periods (three at least), is a warning naming both values. A zero on either side has no ratio and is
 * left to the robust check.
 *
 * @example
 * periodJumps({ households: 1200 }, [{ period: '2024', values: { households: 300 } }], { factor: 3 })
 * // [{ variable: 'households', previousPeriod: '2024', previous: 300, current: 1200, expected: '…' }]
 */
import type { JumpLimits } from '../indicators/definitions.js';

export interface EarlierValues {
  readonly period: string;
  readonly values: Readonly<Record<string, number>>;
}

export interface Jump {
  readonly variable: string;
  readonly previousPeriod: string;
  readonly previous: number;
  readonly current: number;
  /** The limit broken, in words (Chinese and English). */
  readonly expected: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function factorBroken(previous: number, current: number, factor: number): boolean {
  if (!(previous > 0) || !(current > 0)) return false;
  const ratio = current / previous;
  return ratio > factor || ratio < 1 / factor;
}

/** `earlier` holds the unit's earlier periods, oldest first. */
export function periodJumps(
  current: Readonly<Record<string, number>>,
  earlier: readonly EarlierValues[],
  limits: JumpLimits,
): Jump[] {
  const jumps: Jump[] = [];
  for (const [variable, value] of Object.entries(current)) {
    const history = earlier.filter((e) => e.values[variable] !== undefined);
    const last = history[history.length - 1];
    if (last === undefined) continue;
    const previous = last.values[variable] ?? 0;
    const jump = { variable, previousPeriod: last.period, previous, current: value };
    const { factor, robust_sd: k } = limits;
    if (factor !== undefined && factorBroken(previous, value, factor)) {
      jumps.push({
        ...jump,
        expected: `与上期相比变化不超过 ${factor} 倍 / within a factor of ${factor} of the previous period`,
      });
      continue;
    }
    if (k === undefined || history.length < 3) continue;
    const past = history.map((e) => e.values[variable] ?? 0);
    const centre = median(past);
    const spread = 1.4826 * median(past.map((v) => Math.abs(v - centre)));
    if (spread > 0 && Math.abs(value - centre) > k * spread)
      jumps.push({
        ...jump,
        expected:
          `与历年中位数 ${centre} 相差不超过 ${k} 个稳健标准差（${spread.toPrecision(4)}）` +
          ` / within ${k} robust standard deviations (${spread.toPrecision(4)}) of the median ${centre} of earlier periods`,
      });
  }
  return jumps;
}
