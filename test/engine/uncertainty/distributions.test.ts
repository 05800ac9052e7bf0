import { expect } from 'chai';
import {
  dirichlet,
  gamma,
  pickIndex,
  standardNormal,
} from '../../../server/engine/uncertainty/distributions.js';
import { randomStream } from '../../../server/engine/uncertainty/prng.js';

function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe('uncertainty: distributions', () => {
  const n = 40_000;

  it('draws standard normals with mean 0 and variance 1', () => {
    const rng = randomStream(1);
    const { mean, variance } = moments(Array.from({ length: n }, () => standardNormal(rng)));
    expect(mean).to.be.closeTo(0, 0.02);
    expect(variance).to.be.closeTo(1, 0.03);
  });

  for (const shape of [0.3, 1, 4.5]) {
    it(`draws Gamma(${shape}) with mean and variance equal to the shape`, () => {
      const rng = randomStream(2, [shape * 10]);
      const draws = Array.from({ length: n }, () => gamma(rng, shape));
      expect(draws.every((g) => g >= 0 && Number.isFinite(g))).to.be.true;
      const { mean, variance } = moments(draws);
      expect(mean).to.be.closeTo(shape, 0.03 * Math.max(1, shape));
      expect(variance).to.be.closeTo(shape, 0.08 * Math.max(1, shape));
    });
  }

  it('draws Dirichlet vectors that sum to 1 with mean α/α₀ and variance α(α₀ − α)/(α₀²(α₀ + 1))', () => {
    const rng = randomStream(3);
    const alpha = [10, 5, 5];
    const draws = Array.from({ length: n / 4 }, () => dirichlet(rng, alpha));
    expect(draws.every((d) => Math.abs(d.reduce((s, x) => s + x, 0) - 1) < 1e-12)).to.be.true;
    const first = moments(draws.map((d) => d[0] ?? 0));
    expect(first.mean).to.be.closeTo(0.5, 0.005);
    expect(first.variance).to.be.closeTo((10 * 10) / (400 * 21), 0.001); // 0.0119
  });

  it('picks each of three alternatives about a third of the time', () => {
    const rng = randomStream(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[pickIndex(rng, 3)]! += 1;
    for (const c of counts) expect(c).to.be.within(9_700, 10_300);
  });
});
