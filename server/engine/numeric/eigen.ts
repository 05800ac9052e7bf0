/**
 * Eigenvectors for weighting: the principal eigenvector of a positive matrix by power iteration
 * (AHP), and the full decomposition of a small symmetric matrix by cyclic Jacobi rotations (PCA).
 * Matrices come as arrays of rows.
 *
 * @example principalEigen([[1, 3], [1 / 3, 1]]) // { value: 2, vector: [0.75, 0.25] } (vector sums to 1)
 */

export interface PrincipalEigen {
  readonly value: number;
  /** Scaled to sum to 1 (all entries positive for a positive matrix). */
  readonly vector: readonly number[];
}

/** Power iteration; converges for the positive matrices AHP uses (Perron–Frobenius). */
export function principalEigen(matrix: readonly (readonly number[])[], tolerance = 1e-13): PrincipalEigen {
  const n = matrix.length;
  let vector = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const next = multiply(matrix, vector);
    const total = next.reduce((sum, v) => sum + v, 0);
    const scaled = next.map((v) => v / total);
    const change = scaled.reduce((worst, v, i) => Math.max(worst, Math.abs(v - (vector[i] ?? 0))), 0);
    vector = scaled;
    if (change < tolerance) break;
  }
  // λmax as the mean of (A w)_i / w_i, Saaty's estimate.
  const product = multiply(matrix, vector);
  const value = product.reduce((sum, v, i) => sum + v / (vector[i] ?? 1), 0) / n;
  return { value, vector };
}

function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * (vector[j] ?? 0), 0));
}

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  readonly values: readonly number[];
  /** Unit eigenvectors, vectors[k] belongs to values[k]. */
  readonly vectors: readonly (readonly number[])[];
}

/** Cyclic Jacobi for a small symmetric matrix, on flat row-major copies. */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = Float64Array.from(matrix.flat());
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const at = (m: Float64Array, i: number, j: number): number => m[i * n + j] ?? 0;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += at(a, p, q) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p, q);
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, v, n, p, q, c, s);
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(a, j, j) - at(a, i, i));
  return {
    values: order.map((i) => at(a, i, i)),
    vectors: order.map((k) => Array.from({ length: n }, (_, row) => at(v, row, k))),
  };
}

/** Applies the rotation in the (p, q) plane: a ← Jᵀ a J, v ← v J. */
function rotate(
  a: Float64Array,
  v: Float64Array,
  n: number,
  p: number,
  q: number,
  c: number,
  s: number,
): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p] ?? 0;
    const akq = a[k * n + q] ?? 0;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k] ?? 0;
    const aqk = a[q * n + k] ?? 0;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p] ?? 0;
    const vkq = v[k * n + q] ?? 0;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
