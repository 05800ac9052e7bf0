/**
 * The Monte Carlo's random numbers: xoshiro128** 1.1 (Blackman & Vigna, 2018), a small 32-bit
 * generator with 128 bits of state, seeded with SplitMix64 outputs as its authors recommend. Every
 * replication draws from its own stream, derived from (seed, key, key, …) by chaining SplitMix64, so
 * a run's draws depend only on the seed and the run's position in the plan, never on which worker
 * thread runs it or in which order. Integer arithmetic only (Math.imul, shifts), so the bits are the
 * same on every platform.
 *
 * @example
 * const rng = randomStream(42, [1, 7]);     // seed 42, keys (matrix A = 1, sample 7)
 * rng.nextUint32(); rng.nextFloat();        // a 32-bit integer; a double in [0, 1) with 53 random bits
 */

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 (Steele, Lea & Flood, 2014): a 64-bit counter passed through a mixing function. */
export class SplitMix64 {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = seed & MASK64;
  }

  next(): bigint {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  }
}

/** xoshiro128** 1.1: four 32-bit words of state; never all zero. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((word) => word >>> 0) as [
      number,
      number,
      number,
      number,
    ];
    // The all-zero state is the one fixed point; SplitMix64 practically never yields it.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A double uniformly in [0, 1) with 53 random bits (27 + 26 bits of two draws). */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The stream for `seed` and a list of non-negative integer keys: SplitMix64 seeded with the seed, then
 * re-seeded with its next output XOR each key in turn; the last SplitMix64 gives xoshiro's 128 bits.
 */
export function randomStream(seed: number, keys: readonly number[] = []): Xoshiro128 {
  let mixer = new SplitMix64(BigInt.asUintN(64, BigInt(seed)));
  for (const key of keys) mixer = new SplitMix64(mixer.next() ^ BigInt(key));
  const a = mixer.next();
  const b = mixer.next();
  return new Xoshiro128([
    Number(a & 0xffffffffn),
    Number(a >> 32n),
    Number(b & 0xffffffffn),
    Number(b >> 32n),
  ]);
}
