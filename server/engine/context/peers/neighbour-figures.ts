/**
 * Figures over each unit's own peer set when peers are its nearest neighbours: in every period, the
 * median and the best of the present values of the unit and its k neighbours (k + 1 units), and the
 * unit's value minus that median. Unlike a register peer group, every unit has its own set, so these
 * are per row (period × unit), not per group. A unit left out of the neighbours (a missing
 * attribute) gets none (NaN).
 *
 * @example
 * // unit 0's neighbour is 1, unit 1's is 0; one period with values 2 and 4:
 * neighbourFigures(Float64Array.of(2, 4), Int32Array.of(1, 0), 1, 2, 1).median // [3, 3]
 */

export interface NeighbourFigures {
  /** Per row: the median of the present values of the unit and its neighbours. */
  readonly median: Float64Array;
  /** Per row: the highest of them. */
  readonly best: Float64Array;
  /** Per row: the unit's value minus the median (NaN without both). */
  readonly gap: Float64Array;
  /** Per row: how many of the k + 1 values are present. */
  readonly count: Uint32Array;
}

export function neighbourFigures(
  values: Float64Array,
  neighbours: Int32Array,
  k: number,
  unitCount: number,
  periodCount: number,
): NeighbourFigures {
  const rows = unitCount * periodCount;
  const median = new Float64Array(rows).fill(Number.NaN);
  const best = new Float64Array(rows).fill(Number.NaN);
  const gap = new Float64Array(rows).fill(Number.NaN);
  const count = new Uint32Array(rows);
  const set = new Float64Array(k + 1);
  for (let u = 0; u < unitCount; u++) {
    if ((neighbours[u * k] ?? -1) < 0) continue;
    for (let p = 0; p < periodCount; p++) {
      const base = p * unitCount;
      let n = 0;
      const own = values[base + u] ?? Number.NaN;
      if (own === own) set[n++] = own;
      for (let j = 0; j < k; j++) {
        const other = neighbours[u * k + j] ?? -1;
        if (other < 0) break;
        const v = values[base + other] ?? Number.NaN;
        if (v === v) set[n++] = v;
      }
      const row = base + u;
      count[row] = n;
      if (n === 0) continue;
      const sorted = set.subarray(0, n).sort();
      const upper = sorted[n >> 1] ?? Number.NaN;
      median[row] = n % 2 === 1 ? upper : ((sorted[(n >> 1) - 1] ?? Number.NaN) + upper) / 2;
      best[row] = sorted[n - 1] ?? Number.NaN;
      gap[row] = own - (median[row] ?? Number.NaN);
    }
  }
  return { median, best, gap, count };
}
