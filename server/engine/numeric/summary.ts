/**
 * Summaries of one column that skip missing cells (NaN): count, min, max, mean, sample sd, median.
 * The mean uses R's two-pass algorithm (sum / n, then add the mean residual) so that results
 * match R to the last few bits. Loops are indexed: on typed arrays they run several times faster
 * than for-of in Node 20.
 *
 * @example meanOf(Float64Array.of(1, NaN, 2)) === 1.5
 */

export function countPresent(x: Float64Array): number {
  const length = x.length;
  let n = 0;
  for (let i = 0; i < length; i++) if (x[i] === x[i]) n++;
  return n;
}

/** The smallest present value, or NaN when none is present. */
export function minOf(x: Float64Array): number {
  const length = x.length;
  let min = Infinity;
  let any = false;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      any = true;
      if (v < min) min = v;
    }
  }
  return any ? min : Number.NaN;
}

/** The largest present value, or NaN when none is present. */
export function maxOf(x: Float64Array): number {
  const length = x.length;
  let max = -Infinity;
  let any = false;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      any = true;
      if (v > max) max = v;
    }
  }
  return any ? max : Number.NaN;
}

/** The mean of the present values (NaN when none is present). */
export function meanOf(x: Float64Array): number {
  const length = x.length;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      sum += v;
      n++;
    }
  }
  if (n === 0) return Number.NaN;
  const first = sum / n;
  let residual = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) residual += v - first;
  }
  return first + residual / n;
}

/** The sample standard deviation (divisor n - 1) of the present values; NaN with fewer than two. */
export function sampleSdOf(x: Float64Array): number {
  const length = x.length;
  const mean = meanOf(x);
  let squares = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      const d = v - mean;
      squares += d * d;
      n++;
    }
  }
  return n < 2 ? Number.NaN : Math.sqrt(squares / (n - 1));
}

/** The median of the present values (mean of the two middle ones for an even count); NaN when none. */
export function medianOf(x: Float64Array): number {
  const present = presentValues(x).sort();
  const n = present.length;
  if (n === 0) return Number.NaN;
  const middle = n >> 1;
  const upper = present[middle] ?? Number.NaN;
  return n % 2 === 1 ? upper : ((present[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** A new array of the present values, in their original order. */
export function presentValues(x: Float64Array): Float64Array {
  const length = x.length;
  const out = new Float64Array(countPresent(x));
  let j = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) out[j++] = v;
  }
  return out;
}
