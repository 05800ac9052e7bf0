/**
 * One unit's score from its children's values with the evaluation's aggregation method, for the
 * what-if of the weakest-link diagnosis. Row-local methods are exact (weighted arithmetic, geometric
 * and harmonic means over the children present, weights rescaled as the engine does); TOPSIS and
 * Mazziotta–Pareto depend on every unit, so they fall back to the arithmetic mean, which the caller
 * uses only for the change in score (a first-order estimate).
 *
 * @example aggregateRow([40, NaN, 70], [1, 1, 2], 'arithmetic') === 60
 * aggregateRow([4, 16], [1, 1], 'geometric') === 8
 */
export type RowMethod = 'arithmetic' | 'geometric' | 'harmonic';

export function isRowMethod(method: string): method is RowMethod {
  return method === 'arithmetic' || method === 'geometric' || method === 'harmonic';
}

export function aggregateRow(values: readonly number[], weights: readonly number[], method: string): number {
  let total = 0;
  let sum = 0;
  values.forEach((x, j) => {
    const w = weights[j] ?? 0;
    if (!Number.isFinite(x) || w <= 0) return;
    if (method === 'geometric') {
      if (x <= 0) return;
      sum += w * Math.log(x);
    } else if (method === 'harmonic') {
      if (x <= 0) return;
      sum += w / x;
    } else {
      sum += w * x;
    }
    total += w;
  });
  if (total === 0) return Number.NaN;
  if (method === 'geometric') return Math.exp(sum / total);
  if (method === 'harmonic') return total / sum;
  return sum / total;
}
