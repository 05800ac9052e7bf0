/**
 * Draws from the distributions the Monte Carlo needs, on a seeded stream (prng.ts): a uniform pick
 * among alternatives, a standard normal (Marsaglia's polar method), a gamma variate (Marsaglia &
 * Tsang, 2000, with the U^(1/a) boost for shapes below 1) and a Dirichlet vector (normalised gammas).
 * Only +, ×, √ and log are used, so the draws are reproducible on the same Node.js version.
 *
 * @example
 * const rng = randomStream(1);
 * pickIndex(rng, 3);                 // 0, 1 or 2
 * dirichlet(rng, [20, 10, 10]);      // e.g. [0.47, 0.28, 0.25]: mean [0.5, 0.25, 0.25]
 */
import type { Xoshiro128 } from './prng.js';

/** An index in 0 … count − 1, each equally likely. */
export function pickIndex(rng: Xoshiro128, count: number): number {
  return Math.min(count - 1, Math.floor(rng.nextFloat() * count));
}

/** A uniform number in [low, high). */
export function uniform(rng: Xoshiro128, low: number, high: number): number {
  return low + (high - low) * rng.nextFloat();
}

/** A standard normal variate (Marsaglia's polar method; the second variate is discarded). */
export function standardNormal(rng: Xoshiro128): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) variate, shape > 0. */
export function gamma(rng: Xoshiro128, shape: number): number {
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia & Tsang, section 6).
    const boost = Math.pow(1 - rng.nextFloat(), 1 / shape);
    return gamma(rng, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextFloat(); // in (0, 1], so log(u) is finite
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Dirichlet(alpha) vector: independent gammas divided by their sum; every alpha must be > 0. */
export function dirichlet(rng: Xoshiro128, alpha: readonly number[]): number[] {
  const draws = alpha.map((a) => gamma(rng, a));
  const total = draws.reduce((sum, g) => sum + g, 0);
  // Tiny shapes can underflow every gamma to 0: fall back to the mean rather than divide by zero.
  if (!(total > 0)) {
    const alphaTotal = alpha.reduce((sum, a) => sum + a, 0);
    return alpha.map((a) => a / alphaTotal);
  }
  return draws.map((g) => g / total);
}
