import { expect } from 'chai';
import { randomStream, SplitMix64, Xoshiro128 } from '../../../server/engine/uncertainty/prng.js';

// Reference outputs of the authors' C code (prng.di.unimi.it: splitmix64.c, xoshiro128starstar.c).
describe('uncertainty: seeded random numbers', () => {
  it('SplitMix64 matches the reference outputs for seed 0', () => {
    const mixer = new SplitMix64(0n);
    expect([mixer.next(), mixer.next(), mixer.next()]).to.deep.equal([
      0xe220a8397b1dcdafn,
      0x6e789e6aa1b965f4n,
      0x06c45d188009454fn,
    ]);
  });

  it('SplitMix64 matches the reference outputs for seed 1234567', () => {
    const mixer = new SplitMix64(1234567n);
    expect([mixer.next(), mixer.next(), mixer.next()]).to.deep.equal([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
    ]);
  });

  it('xoshiro128** matches the reference outputs from the state [1, 2, 3, 4]', () => {
    const rng = new Xoshiro128([1, 2, 3, 4]);
    const out = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(out).to.deep.equal([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives doubles in [0, 1) built from 53 random bits', () => {
    const rng = new Xoshiro128([1, 2, 3, 4]);
    // (11520 >>> 5) · 2^26 + (0 >>> 6), over 2^53
    expect(rng.nextFloat()).to.equal((360 * 67108864) / 9007199254740992);
    const more = Array.from({ length: 10_000 }, () => rng.nextFloat());
    expect(more.every((u) => u >= 0 && u < 1)).to.be.true;
  });

  it('gives the same stream for the same seed and keys, and another for other keys', () => {
    const draw = (seed: number, keys: number[]): number[] => {
      const rng = randomStream(seed, keys);
      return Array.from({ length: 4 }, () => rng.nextUint32());
    };
    expect(draw(42, [1, 7, 3])).to.deep.equal(draw(42, [1, 7, 3]));
    expect(draw(42, [1, 7, 3])).to.not.deep.equal(draw(42, [1, 8, 3]));
    expect(draw(42, [1, 7, 3])).to.not.deep.equal(draw(43, [1, 7, 3]));
    expect(draw(-5, [])).to.deep.equal(draw(-5, []));
  });

  it('never starts from the all-zero state, which would only ever give zeros', () => {
    const rng = new Xoshiro128([0, 0, 0, 0]);
    const out = Array.from({ length: 8 }, () => rng.nextUint32());
    expect(out.some((x) => x !== 0)).to.be.true;
  });
});
