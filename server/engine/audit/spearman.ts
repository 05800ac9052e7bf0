/**
 * Spearman correlation over the rows where both columns are present (R's cor(method = "spearman",
 * use = "pairwise.complete.obs")): the complete pairs are ranked, ties taking the mean of their
 * ranks, and the ranks are correlated by Pearson. NaN with fewer than two pairs or no spread.
 *
 * @example spearman(Float64Array.of(1, 2, 3, NaN), Float64Array.of(1, 4, 9, 2)) === 1
 */
import { pearson } from '../numeric/correlation.js';

export function spearman(x: Float64Array, y: Float64Array): number {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const u = x[i] ?? Number.NaN;
    const v = y[i] ?? Number.NaN;
    if (u === u && v === v) {
      a.push(u);
      b.push(v);
    }
  }
  return pearson(averageRanks(a), averageRanks(b));
}

/** Ranks 1…n in ascending order, tied values sharing the mean of their ranks (R's rank default). */
export function averageRanks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((i, j) => (values[i] ?? 0) - (values[j] ?? 0));
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1] ?? 0] === values[order[start] ?? 0]) end++;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k] ?? 0] = mean;
    start = end + 1;
  }
  return ranks;
}
