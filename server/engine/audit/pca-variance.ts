/**
 * Principal components of a group of columns, centred and scaled, over the rows where every column
 * is present (COINr's get_PCA: prcomp(na.omit(data), center = TRUE, scale = TRUE)): the share of the
 * total variance each component carries, largest first. Scaled data make these the eigenvalues of
 * the correlation matrix over k. Empty when fewer than two complete rows or a column does not vary.
 *
 * @example pcaVarianceShares([x, 2 * x]) // [1, 0]
 */
import { symmetricEigen } from '../numeric/eigen.js';

export function pcaVarianceShares(columns: readonly Float64Array[]): number[] {
  const k = columns.length;
  const rows = completeRows(columns);
  const n = rows.length;
  if (k === 0 || n < 2) return [];
  const scaled: Float64Array[] = [];
  for (const column of columns) {
    let mean = 0;
    for (const r of rows) mean += column[r] ?? 0;
    mean /= n;
    let ss = 0;
    for (const r of rows) ss += ((column[r] ?? 0) - mean) ** 2;
    if (ss === 0) return [];
    const sd = Math.sqrt(ss / (n - 1));
    scaled.push(Float64Array.from(rows, (r) => ((column[r] ?? 0) - mean) / sd));
  }
  const matrix = scaled.map((a) =>
    scaled.map((b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
      return s / (n - 1);
    }),
  );
  const { values } = symmetricEigen(matrix);
  const total = values.reduce((sum, v) => sum + v, 0);
  // prcomp keeps min(n, k) components; the rest have zero variance.
  return values.slice(0, Math.min(n, k)).map((v) => Math.max(v, 0) / total);
}

function completeRows(columns: readonly Float64Array[]): number[] {
  const length = columns[0]?.length ?? 0;
  const rows: number[] = [];
  for (let i = 0; i < length; i++) {
    if (columns.every((c) => (c[i] ?? Number.NaN) === (c[i] ?? Number.NaN))) rows.push(i);
  }
  return rows;
}
