/**
 * Spearman correlation over the rows where both columns are present (R's cor(method = "spearman",
 * use = "pairwise.complete.obs")): the complete pairs are ranked, ties taking the mean of their
 * ranks, and the ranks are correlated by Pearson. NaN with fewer than two pairs or no spread. Each
 * column is sorted once (the engine's radix sort); a pair then ranks its complete rows by walking the
 * two sorted orders, so all pairs of many columns cost one sort per column and linear passes per pair.
 *
 * @example spearman(Float64Array.of(1, 2, 3, NaN), Float64Array.of(1, 4, 9, 2)) === 1
 */
import { pearson } from '../numeric/correlation.js';
import { sortedKeys } from '../numeric/rank.js';

/** A column with the rows of its present values in ascending order. */
export interface OrderedColumn {
  readonly values: Float64Array;
  readonly ascending: Uint32Array;
}

export function ordered(values: Float64Array): OrderedColumn {
  return { values, ascending: sortedKeys(values).rows };
}

export function spearman(x: Float64Array, y: Float64Array): number {
  return spearmanOrdered(ordered(x), ordered(y));
}

export function spearmanOrdered(x: OrderedColumn, y: OrderedColumn): number {
  return pearson(ranksWhereBoth(x, y.values), ranksWhereBoth(y, x.values));
}

/**
 * Average ranks of a column's values over the rows where `other` is present too (NaN elsewhere):
 * ranks 1…m in ascending order, tied values sharing the mean of their ranks (R's rank default).
 */
export function ranksWhereBoth(column: OrderedColumn, other: Float64Array): Float64Array {
  const { values, ascending } = column;
  const ranks = new Float64Array(values.length).fill(Number.NaN);
  const kept = new Uint32Array(ascending.length);
  let m = 0;
  for (const row of ascending) {
    const o = other[row] ?? Number.NaN;
    if (o === o) kept[m++] = row;
  }
  let start = 0;
  while (start < m) {
    const value = values[kept[start] ?? 0];
    let end = start;
    while (end + 1 < m && values[kept[end + 1] ?? 0] === value) end++;
    const mean = (start + end) / 2 + 1;
    for (let p = start; p <= end; p++) ranks[kept[p] ?? 0] = mean;
    start = end + 1;
  }
  return ranks;
}

/** Average ranks of the present values of one column (NaN where missing). */
export function averageRanks(values: Float64Array): Float64Array {
  return ranksWhereBoth(ordered(values), values);
}
