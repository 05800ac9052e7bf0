/**
 * Row-wise sums of products that do not depend on the order of the terms: each product w·x is split
 * exactly into a double and its rounding error (Dekker's TwoProduct), and the running sum keeps the
 * error of every addition beside it (Knuth's TwoSum), as in Ogita, Rump and Oishi's Dot2. The result
 * is as accurate as if computed in twice the precision and rounded once, so scores that are equal in
 * exact arithmetic come out as the same double whatever order their children are added in (plain
 * accumulation gave 40.20000000000001 for one unit and 40.2 for another with the same rational mean).
 *
 * @example
 * const sums = new WeightedSums(1);
 * sums.add(0, 1, 1e16); sums.add(0, 1, 1); sums.add(0, -1, 1e16);
 * sums.value(0) // 1 (plain doubles give 0)
 */

/** 2^27 + 1: splits a double into two halves whose products are exact. */
const SPLITTER = 134217729;

/** The rounding error of a·b, given p = fl(a·b): a·b = p + error exactly (barring overflow). */
export function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const aHigh = ca - (ca - a);
  const aLow = a - aHigh;
  const cb = SPLITTER * b;
  const bHigh = cb - (cb - b);
  const bLow = b - bHigh;
  return aLow * bLow - (p - aHigh * bHigh - aLow * bHigh - aHigh * bLow);
}

export class WeightedSums {
  private readonly high: Float64Array;
  private readonly low: Float64Array;

  constructor(rows: number) {
    this.high = new Float64Array(rows);
    this.low = new Float64Array(rows);
  }

  /** Adds w·x to row i. */
  add(i: number, w: number, x: number): void {
    const p = w * x;
    const pError = productError(w, x, p);
    const s = this.high[i] ?? 0;
    const sum = s + p;
    const z = sum - s;
    const sumError = s - (sum - z) + (p - z);
    this.high[i] = sum;
    this.low[i] = (this.low[i] ?? 0) + (sumError + pError);
  }

  /** The sum of row i, rounded once. */
  value(i: number): number {
    return (this.high[i] ?? 0) + (this.low[i] ?? 0);
  }
}
