/**
 * Checks an AHP pairwise-comparison matrix and derives its weights: square, positive entries, 1 on
 * the diagonal, reciprocal (a_ji = 1 / a_ij to 1e-6, as the registry checks); weights = the principal
 * eigenvector scaled to sum to 1; consistency ratio CR = CI / RI with CI = (λmax - n) / (n - 1) and Saaty's random index RI.
 *
 * @example ahpWeights([[1, 3], [1 / 3, 1]]) // { weights: [0.75, 0.25], cr: 0 }
 */
import { principalEigen } from '../../numeric/eigen.js';

/** Saaty's random consistency index by matrix order (Saaty 1980; orders 11–15 from Saaty 2012). */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

export interface AhpResult {
  readonly weights: readonly number[];
  readonly lambdaMax: number;
  readonly ci: number;
  readonly cr: number;
}

/** The problems with a matrix of the given order, each saying what to fix; empty when it is valid. */
export function ahpMatrixProblems(matrix: unknown, order: number): string[] {
  if (!Array.isArray(matrix) || matrix.length !== order) {
    return [
      `must be a ${order} × ${order} matrix (one row per child), found ${Array.isArray(matrix) ? matrix.length : 0} rows`,
    ];
  }
  if (order > RANDOM_INDEX.length - 1)
    return [`has ${order} children; AHP here handles at most ${RANDOM_INDEX.length - 1}`];
  const problems: string[] = [];
  const rows = matrix as unknown[];
  for (let i = 0; i < order; i++) {
    const row = rows[i];
    if (
      !Array.isArray(row) ||
      row.length !== order ||
      row.some((a) => typeof a !== 'number' || !(a > 0) || !Number.isFinite(a))
    ) {
      problems.push(`row ${i + 1} must hold ${order} positive numbers`);
    }
  }
  if (problems.length > 0) return problems;
  const a = rows as number[][];
  const at = (i: number, j: number): number => a[i]?.[j] ?? Number.NaN;
  for (let i = 0; i < order; i++) {
    if (Math.abs(at(i, i) - 1) > 1e-9)
      problems.push(`the diagonal must be 1, found a[${i + 1}][${i + 1}] = ${at(i, i)}`);
    for (let j = i + 1; j < order; j++) {
      if (Math.abs(at(i, j) * at(j, i) - 1) > 1e-6) {
        problems.push(
          `not reciprocal: a[${j + 1}][${i + 1}] must be 1 / a[${i + 1}][${j + 1}] = ${1 / at(i, j)}, found ${at(j, i)}`,
        );
      }
    }
  }
  return problems;
}

/** Weights and consistency of a valid matrix (check it with ahpMatrixProblems first). */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  const { value, vector } = principalEigen(matrix);
  const ci = n > 2 ? (value - n) / (n - 1) : 0;
  const ri = RANDOM_INDEX[n] ?? 0;
  return { weights: vector, lambdaMax: value, ci, cr: ri > 0 ? ci / ri : 0 };
}
