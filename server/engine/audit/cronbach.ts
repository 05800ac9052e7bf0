/**
 * Cronbach's α of a node over its children's values, from their pairwise-complete covariance matrix
 * C (COINr's get_cronbach): with k children, S = sum of all entries of C, mean off-diagonal
 * covariance c̄ = (S − trace C) / (k(k − 1)), α = k² c̄ / S. NaN for one child or no variance.
 *
 * @example cronbachAlpha([Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 4)]) ≈ 0.9730
 */
export function cronbachAlpha(columns: readonly Float64Array[]): number {
  const k = columns.length;
  if (k < 2) return Number.NaN;
  let total = 0;
  let trace = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = pairwiseCovariance(columns[i] ?? new Float64Array(), columns[j] ?? new Float64Array());
      if (c !== c) continue; // R's sum(na.rm = TRUE)
      if (i === j) {
        trace += c;
        total += c;
      } else total += 2 * c;
    }
  }
  const meanCovariance = (total - trace) / (k * (k - 1));
  return (k * k * meanCovariance) / total;
}

/** Sample covariance (n − 1) over the rows where both are present; NaN with fewer than two. */
export function pairwiseCovariance(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] ?? Number.NaN;
    const b = y[i] ?? Number.NaN;
    if (a === a && b === b) {
      n++;
      sx += a;
      sy += b;
    }
  }
  if (n < 2) return Number.NaN;
  const mx = sx / n;
  const my = sy / n;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] ?? Number.NaN;
    const b = y[i] ?? Number.NaN;
    if (a === a && b === b) s += (a - mx) * (b - my);
  }
  return s / (n - 1);
}
