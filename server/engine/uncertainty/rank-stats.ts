/**
 * Per unit and period (row), the distribution of its rank over the runs: the median and the 5 % and
 * 95 % quantiles (type 7, quantile.ts), the share of runs in which it ranks in the top `top`, and the
 * number of runs in which it had a rank at all (runs where its score was missing are left out).
 * A row ranked in no run has NaN statistics and ranked = 0.
 *
 * @example
 * // ranks is run-major: ranks[run * rowCount + row]
 * rankStatistics(ranks, 4, [0, 1, 2], 10).median[row]
 */
import { quantileSorted } from './quantile.js';

export interface RankStatistics {
  readonly median: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
  /** Share of the ranked runs with rank ≤ top. */
  readonly topShare: Float64Array;
  readonly ranked: Uint32Array;
}

/**
 * A row's ranks are counted rather than sorted when they span at most this many values per run:
 * counting costs about two steps per value of the band, sorting n ranks about log₂ n comparisons each.
 */
const COUNTED_SPAN = 16;
const MAX_COUNTS = 2 ** 20;

export function rankStatistics(
  ranks: Uint32Array,
  rowCount: number,
  runs: readonly number[],
  top: number,
): RankStatistics {
  const median = new Float64Array(rowCount);
  const p5 = new Float64Array(rowCount);
  const p95 = new Float64Array(rowCount);
  const topShare = new Float64Array(rowCount);
  const ranked = new Uint32Array(rowCount);
  const sample = new Float64Array(runs.length);
  const counts = new Uint32Array(Math.min(COUNTED_SPAN * runs.length, MAX_COUNTS) + 1);
  for (let row = 0; row < rowCount; row++) {
    let n = 0;
    let inTop = 0;
    for (const run of runs) {
      const rank = ranks[run * rowCount + row] ?? 0;
      if (rank === 0) continue;
      sample[n++] = rank;
      if (rank <= top) inTop++;
    }
    const sorted = sortedRanks(sample, n, counts);
    median[row] = quantileSorted(sorted, 0.5);
    p5[row] = quantileSorted(sorted, 0.05);
    p95[row] = quantileSorted(sorted, 0.95);
    topShare[row] = n === 0 ? Number.NaN : inTop / n;
    ranked[row] = n;
  }
  return { median, p5, p95, topShare, ranked };
}

/**
 * The first n ranks of `sample` in ascending order, in place: a unit's ranks over the runs mostly
 * span a narrow band, so they are counted per value (one pass over the band) when the band is at most
 * `counts.length` wide, and sorted otherwise. Either way the same sorted sample.
 */
function sortedRanks(sample: Float64Array, n: number, counts: Uint32Array): Float64Array {
  const sorted = sample.subarray(0, n);
  if (n === 0) return sorted;
  let min = sorted[0] ?? 0;
  let max = min;
  for (let k = 1; k < n; k++) {
    const v = sorted[k] ?? 0;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const span = max - min;
  if (span >= counts.length) return sorted.sort();
  counts.fill(0, 0, span + 1);
  for (let k = 0; k < n; k++) {
    const d = (sorted[k] ?? 0) - min;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  let at = 0;
  for (let d = 0; d <= span; d++) {
    const count = counts[d] ?? 0;
    for (let c = 0; c < count; c++) sorted[at++] = min + d;
  }
  return sorted;
}
