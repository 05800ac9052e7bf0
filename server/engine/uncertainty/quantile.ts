/**
 * Sample quantiles by Hyndman & Fan's type 7 (R's default, NumPy's "linear"): on the sorted sample
 * x[0] ≤ … ≤ x[n−1], h = (n − 1)·p, and the quantile is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.05) // 1.45, as R's quantile()
 */

/** The type-7 quantile at probability p (0 ≤ p ≤ 1) of an ascending sample; NaN for an empty one. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const low = sorted[lower] ?? Number.NaN;
  if (lower >= n - 1) return sorted[n - 1] ?? Number.NaN;
  const high = sorted[lower + 1] ?? Number.NaN;
  return low + (h - lower) * (high - low);
}
