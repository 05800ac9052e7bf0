/**
 * The weighted mean of the arithmetic and geometric aggregations, row by row, for a Monte Carlo run:
 * the same operations in the same order as arithmeticMean and geometricMean (methods/aggregation), so
 * the same doubles, with what does not depend on the row done once per call:
 *
 * - each weight's halves for the exact product (productError splits both factors; a weight's split
 *   is the same in every row) and the error of w · 1;
 * - the compensated sum of the weights, which depends only on which children a row has: a row with
 *   every child present gets the sum over all of them, computed once.
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
  for (let i = 0; i < rows; i++) {
    let complete = true;
    for (let j = 0; j < k; j++) {
      const x = (children[j] ?? NONE)[i] ?? Number.NaN;
      if (x !== x) {
        complete = false;
        break;
      }
    }
    let high = 0;
    let low = 0;
    let total = fullTotal;
    if (complete) {
      for (let j = 0; j < k; j++) {
        const x = (children[j] ?? NONE)[i] ?? Number.NaN;
        const w = weights[j] ?? 0;
        const p = w * x;
        const cx = SPLITTER * x;
        const xHigh = cx - (cx - x);
        const xLow = x - xHigh;
        const ah = wHigh[j] ?? 0;
        const al = wLow[j] ?? 0;
        const pError = al * xLow - (p - ah * xHigh - al * xHigh - ah * xLow);
        const sum = high + p;
        const z = sum - high;
        const sumError = high - (sum - z) + (p - z);
        high = sum;
        low = low + (sumError + pError);
      }
    } else {
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
      total = weightHigh + weightLow;
    }
    output[i] = total > 0 ? (high + low) / total : Number.NaN;
  }
  // exp(NaN) is NaN: the same as geometricMean's `total > 0 ? exp(…) : NaN`.
  if (exp) for (let i = 0; i < rows; i++) output[i] = Math.exp(output[i] ?? Number.NaN);
}
