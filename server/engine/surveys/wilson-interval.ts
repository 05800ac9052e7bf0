/**
 * Wilson's score interval for a proportion (Wilson, 1927): the set of true proportions p that a
 * z-test would not reject given the observed share. Unlike p̂ ± z·SE it stays inside [0, 1] and
 * behaves at shares near 0 or 1 and at small n. With design weights, n is Kish's effective sample
 * size, which is how survey practice carries the design effect into the interval.
 *
 * @example wilsonInterval(0.5, 100) ≈ { low: 0.4038, high: 0.5962 }
 */
export const Z_95 = 1.96;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export function wilsonInterval(share: number, n: number, z = Z_95): Interval {
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (share + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
