/**
 * Ranks with ties sharing the smallest rank (R's rank(ties.method = "min")); missing values get no
 * rank (0). "descending" ranks the largest value 1 (rank(-x)); "ascending" ranks the smallest 1.
 * Runs in O(n log n): one native sort of the present values, then a binary search per value.
 *
 * @example ranksTiesMin(Float64Array.of(5, 9, 5, NaN), 'descending') // Uint32Array [2, 1, 2, 0]
 */
import { presentValues } from './summary.js';

export type RankOrder = 'ascending' | 'descending';

export function ranksTiesMin(values: Float64Array, order: RankOrder): Uint32Array {
  const sorted = presentValues(values).sort();
  const n = sorted.length;
  const ranks = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (v !== v) continue;
    // ascending: 1 + number of values strictly below v; descending: 1 + number strictly above v.
    ranks[i] = order === 'ascending' ? 1 + lowerBound(sorted, v) : 1 + n - upperBound(sorted, v);
  }
  return ranks;
}

/** The first index whose value is >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? NaN) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? NaN) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
