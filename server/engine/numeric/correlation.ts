/**
 * Pearson correlation of two columns over the rows where both are present (R's
 * cor(use = "pairwise.complete.obs")). NaN when fewer than two such rows or no spread.
 *
 * @example pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)) ≈ 0.9934
 */
export function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] ?? NaN;
    const b = y[i] ?? NaN;
    if (a === a && b === b) {
      n++;
      sx += a;
      sy += b;
    }
  }
  if (n < 2) return Number.NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] ?? NaN;
    const b = y[i] ?? NaN;
    if (a === a && b === b) {
      const da = a - mx;
      const db = b - my;
      sxy += da * db;
      sxx += da * da;
      syy += db * db;
    }
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}
