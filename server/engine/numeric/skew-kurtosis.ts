/**
 * Skewness and kurtosis of the present values, as e1071's type-2 estimators (the definitions
 * COINr's check_SkewKurt and Excel use), with d = x - mean(x):
 *   skew = sqrt(n) * sum(d^3) / sum(d^2)^1.5 * sqrt(n(n-1)) / (n-2)
 *   kurt = ((n+1)(r-3) + 6)(n-1) / ((n-2)(n-3)),  r = n * sum(d^4) / sum(d^2)^2
 * Skewness needs 3 present values and kurtosis 4; with fewer, or with no spread, the result is NaN.
 *
 * @example skewness(Float64Array.of(1, 2, 3, 10)) ≈ 1.7636; kurtosis(…) = 3.228
 */
interface Moments {
  readonly n: number;
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
}

function centralSums(x: Float64Array): Moments {
  const length = x.length;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  // sum / n rather than R's two-pass mean: they differ in the last bit at most, far below 1e-9.
  const mean = sum / count;
  let n = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      const d = v - mean;
      const d2 = d * d;
      n++;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
  }
  return { n, m2, m3, m4 };
}

export function skewness(x: Float64Array): number {
  return skewFrom(centralSums(x));
}

export function kurtosis(x: Float64Array): number {
  return kurtFrom(centralSums(x));
}

/** Both statistics from one pass over the data. */
export function skewAndKurtosis(x: Float64Array): { readonly skew: number; readonly kurt: number } {
  const sums = centralSums(x);
  return { skew: skewFrom(sums), kurt: kurtFrom(sums) };
}

function skewFrom({ n, m2, m3 }: Moments): number {
  if (n < 3 || m2 === 0) return Number.NaN;
  const y = (Math.sqrt(n) * m3) / Math.pow(m2, 1.5);
  return (y * Math.sqrt(n * (n - 1))) / (n - 2);
}

function kurtFrom({ n, m2, m4 }: Moments): number {
  if (n < 4 || m2 === 0) return Number.NaN;
  const r = (n * m4) / (m2 * m2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
