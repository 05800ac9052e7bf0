/**
 * Variance-based sensitivity indices from an A/B design (Saltelli et al. 2010, "Variance based
 * sensitivity analysis of model output", Computer Physics Communications 181, Table 2): A and B are
 * two independent samples of N points, AB_i is A with factor i taken from B. With y = f(·):
 *
 * - V  = the sample variance of y over A ∪ B (2N points, divided by 2N − 1, as R's var() in COINr);
 * - first order  S_i  = (1/N) Σ_j yB_j (yAB_i,j − yA_j) / V      (Saltelli 2010, (b));
 * - total effect ST_i = (1/2N) Σ_j (yA_j − yAB_i,j)² / V         (Jansen 1999, (f)).
 *
 * `partialVariances` returns the numerators and V, so that several outputs can be pooled (sum the
 * numerators and the variances over outputs: the aggregated indices of Gamboa et al. 2014).
 *
 * @example
 * sobolIndices(yA, yB, [yAB1, yAB2]) // { variance, first: [S1, S2], total: [ST1, ST2] }
 */

export interface PartialVariances {
  readonly variance: number;
  readonly first: readonly number[];
  readonly total: readonly number[];
}

export interface SobolIndices {
  readonly variance: number;
  /** null when the output does not vary at all (V = 0): no share can be attributed. */
  readonly first: readonly (number | null)[];
  readonly total: readonly (number | null)[];
}

export function partialVariances(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
): PartialVariances {
  const n = yA.length;
  if (yB.length !== n || yAB.some((y) => y.length !== n)) {
    throw new Error('sobol: A, B and every AB_i need the same number of points');
  }
  let mean = 0;
  for (let j = 0; j < n; j++) mean += (yA[j] ?? 0) + (yB[j] ?? 0);
  mean /= 2 * n;
  let variance = 0;
  for (let j = 0; j < n; j++) {
    const a = (yA[j] ?? 0) - mean;
    const b = (yB[j] ?? 0) - mean;
    variance += a * a + b * b;
  }
  variance = n > 0 ? variance / (2 * n - 1) : 0;
  const first = yAB.map((yi) => {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (yB[j] ?? 0) * ((yi[j] ?? 0) - (yA[j] ?? 0));
    return sum / n;
  });
  const total = yAB.map((yi) => {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const d = (yA[j] ?? 0) - (yi[j] ?? 0);
      sum += d * d;
    }
    return sum / (2 * n);
  });
  return { variance, first, total };
}

/** Divides partial variances by the total variance. */
export function toIndices(parts: PartialVariances): SobolIndices {
  const share = (v: number): number | null => (parts.variance > 0 ? v / parts.variance : null);
  return { variance: parts.variance, first: parts.first.map(share), total: parts.total.map(share) };
}

export function sobolIndices(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
): SobolIndices {
  return toIndices(partialVariances(yA, yB, yAB));
}
