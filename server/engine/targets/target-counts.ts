/**
 * How many units each target override applied to, period by period, over the scored units and every
 * roll-up level (each given as its resolved rows and unit count), for the methodology page's list of
 * overrides and the units they affect.
 *
 * @example targetUnitCounts([{ rows: new Map([['x', Int32Array.of(-1, 0, 0, 0)]]), unitCount: 2 }], 1, 2) // [[1, 2]]
 */
import type { TargetRows } from './resolve-targets.js';

export interface ResolvedLevel {
  readonly rows: TargetRows;
  readonly unitCount: number;
}

export function targetUnitCounts(
  levels: readonly ResolvedLevel[],
  overrideCount: number,
  periodCount: number,
): number[][] {
  const counts = Array.from({ length: overrideCount }, () => new Array<number>(periodCount).fill(0));
  for (const { rows, unitCount } of levels) {
    for (const table of rows.values()) {
      for (let row = 0; row < table.length; row++) {
        const k = table[row] ?? -1;
        const period = Math.floor(row / unitCount);
        const line = counts[k];
        if (line !== undefined && period < periodCount) line[period] = (line[period] ?? 0) + 1;
      }
    }
  }
  return counts;
}
