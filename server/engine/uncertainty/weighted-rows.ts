/**
 * The weighted mean of the arithmetic and geometric aggregations, row by row, for a Monte Carlo run:
 * the same operations in the same order as arithmeticMean and geometricMean (methods/aggregation), so
 * the same doubles, with what does not depend on the row done once per call:
 *
 * - each weight's halves for the exact product (productError splits both factors; a weight's split
 *   is the same in every row) and the error of w · 1;
 * - the compensated sum of the weights, which depends only on which children a row has: a row with
 *   every child present gets the sum over all of them, computed once;
 * - rows go in pairs, whose independent sums the processor overlaps.
 *
 * For the geometric mean the children are given as logarithms (ln x, NaN where missing, from a
 * combination's cache or logColumn) and `exp` is set: exp(Σ w ln x / Σ w) as geometricMean.
 *
 * @example
 * weightedRows([a, b], Float64Array.of(1, 3), out, false) // out[i] = (a[i] + 3 b[i]) / 4, compensated
 */
import { productError } from '../numeric/weighted-sums.js';

/** Stands in for a child that is not there (never: children has k columns); `?.` here costs twice the loop. */
const NONE = new Float64Array(0);

/** 2^27 + 1, as productError splits with. */
const SPLITTER = 134217729;

export function weightedRows(
  children: readonly Float64Array[],
  weights: Float64Array,
  output: Float64Array,
  exp: boolean,
): void {
  const k = children.length;
  const wHigh = new Float64Array(k);
  const wLow = new Float64Array(k);
  const wError = new Float64Array(k);
  let fullHigh = 0;
  let fullLow = 0;
  for (let j = 0; j < k; j++) {
    const w = weights[j] ?? 0;
    const cw = SPLITTER * w;
    const high = cw - (cw - w);
    wHigh[j] = high;
    wLow[j] = w - high;
    const e = productError(w, 1, w);
    wError[j] = e;
    const sum = fullHigh + w;
    const z = sum - fullHigh;
    const sumError = fullHigh - (sum - z) + (w - z);
    fullHigh = sum;
    fullLow = fullLow + (sumError + e);
  }
  const fullTotal = fullHigh + fullLow;
  const rows = output.length;
  // Two rows at a time: their sums are independent, so the processor overlaps them. A pair is summed
  // as if every child were present; at the first gap it is left for oneRow, row by row.
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    let gap = false;
    let h0 = 0;
    let l0 = 0;
    let h1 = 0;
    let l1 = 0;
    for (let j = 0; j < k; j++) {
      const c = children[j] ?? NONE;
      const w = weights[j] ?? 0;
      const ah = wHigh[j] ?? 0;
      const al = wLow[j] ?? 0;
      const x0 = c[i] ?? Number.NaN;
      const x1 = c[i + 1] ?? Number.NaN;
      if (x0 !== x0 || x1 !== x1) {
        gap = true;
        break;
      }
      const p0 = w * x0;
      const p1 = w * x1;
      const c0 = SPLITTER * x0;
      const c1 = SPLITTER * x1;
      const xh0 = c0 - (c0 - x0);
      const xh1 = c1 - (c1 - x1);
      const xl0 = x0 - xh0;
      const xl1 = x1 - xh1;
      const e0 = al * xl0 - (p0 - ah * xh0 - al * xh0 - ah * xl0);
      const e1 = al * xl1 - (p1 - ah * xh1 - al * xh1 - ah * xl1);
      const s0 = h0 + p0;
      const s1 = h1 + p1;
      const z0 = s0 - h0;
      const z1 = s1 - h1;
      const se0 = h0 - (s0 - z0) + (p0 - z0);
      const se1 = h1 - (s1 - z1) + (p1 - z1);
      h0 = s0;
      h1 = s1;
      l0 = l0 + (se0 + e0);
      l1 = l1 + (se1 + e1);
    }
    if (gap) {
      oneRow(children, weights, wHigh, wLow, wError, output, i);
      oneRow(children, weights, wHigh, wLow, wError, output, i + 1);
      continue;
    }
    output[i] = fullTotal > 0 ? (h0 + l0) / fullTotal : Number.NaN;
    output[i + 1] = fullTotal > 0 ? (h1 + l1) / fullTotal : Number.NaN;
  }
  if (i < rows) oneRow(children, weights, wHigh, wLow, wError, output, i);
  // exp(NaN) is NaN: the same as geometricMean's `total > 0 ? exp(…) : NaN`.
  if (exp) for (let r = 0; r < rows; r++) output[r] = Math.exp(output[r] ?? Number.NaN);
}

/** One row with the children it has: the weights summed over those, as the methods do. */
function oneRow(
  children: readonly Float64Array[],
  weights: Float64Array,
  wHigh: Float64Array,
  wLow: Float64Array,
  wError: Float64Array,
  output: Float64Array,
  i: number,
): void {
  const k = children.length;
  let high = 0;
  let low = 0;
  let weightHigh = 0;
  let weightLow = 0;
  for (let j = 0; j < k; j++) {
    const x = (children[j] ?? NONE)[i] ?? Number.NaN;
    if (x !== x) continue;
    const w = weights[j] ?? 0;
    let sum = weightHigh + w;
    let z = sum - weightHigh;
    let sumError = weightHigh - (sum - z) + (w - z);
    weightHigh = sum;
    weightLow = weightLow + (sumError + (wError[j] ?? 0));
    const p = w * x;
    const cx = SPLITTER * x;
    const xHigh = cx - (cx - x);
    const xLow = x - xHigh;
    const ah = wHigh[j] ?? 0;
    const al = wLow[j] ?? 0;
    const pError = al * xLow - (p - ah * xHigh - al * xHigh - ah * xLow);
    sum = high + p;
    z = sum - high;
    sumError = high - (sum - z) + (p - z);
    high = sum;
    low = low + (sumError + pError);
  }
  const total = weightHigh + weightLow;
  output[i] = total > 0 ? (high + low) / total : Number.NaN;
}
