/**
 * A small seeded generator for the demo city: mulberry32 for uniforms, Box–Muller for normals.
 * Same seed, same city, on every machine.
 *
 * @example const r = seededRandom(7); r.uniform(); r.normal(0, 1);
 */
export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  normal(mean: number, sd: number): number;
  /** An integer from lo to hi inclusive. */
  integer(lo: number, hi: number): number;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal(mean, sd) {
      const u = 1 - uniform();
      const v = uniform();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    integer(lo, hi) {
      return lo + Math.floor(uniform() * (hi - lo + 1));
    },
  };
}
