import { expect } from 'chai';
import { randomStream } from '../../../server/engine/uncertainty/prng.js';
import { sobolIndices } from '../../../server/engine/uncertainty/sobol.js';

/** Runs f over an A/B design of n points in d dimensions with inputs drawn by `draw`. */
function design(
  n: number,
  d: number,
  draw: (u: number) => number,
  f: (x: readonly number[]) => number,
): ReturnType<typeof sobolIndices> {
  const rng = randomStream(2024);
  const point = (): number[] => Array.from({ length: d }, () => draw(rng.nextFloat()));
  const a = Array.from({ length: n }, point);
  const b = Array.from({ length: n }, point);
  const yA = a.map(f);
  const yB = b.map(f);
  const yAB = Array.from({ length: d }, (_, i) =>
    a.map((x, j) => f(x.map((v, k) => (k === i ? (b[j]?.[k] ?? 0) : v)))),
  );
  return sobolIndices(yA, yB, yAB);
}

describe('uncertainty: Saltelli / Jansen estimators', () => {
  it('recovers the Ishigami function’s known indices (a = 7, b = 0.1)', function () {
    this.timeout(10_000);
    // Analytical: S = [0.3139, 0.4424, 0], ST = [0.5576, 0.4424, 0.2437] (Ishigami & Homma 1990;
    // worked out in Saltelli et al. 2008, Global Sensitivity Analysis: The Primer).
    const ishigami = (x: readonly number[]): number => {
      const [x1 = 0, x2 = 0, x3 = 0] = x;
      return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
    };
    const result = design(20_000, 3, (u) => -Math.PI + 2 * Math.PI * u, ishigami);
    const expected = { first: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437] };
    expected.first.forEach((s, i) => expect(result.first[i]).to.be.closeTo(s, 0.03));
    expected.total.forEach((s, i) => expect(result.total[i]).to.be.closeTo(s, 0.03));
    expect(result.variance).to.be.closeTo(13.845, 0.4); // a²/8 + b·π⁴/5 + b²·π⁸/18 + 1/2
  });

  it('recovers a linear model’s indices: y = x1 + 2 x2 + 3 x3 gives S_i = ST_i = a_i² / Σ a²', () => {
    const result = design(
      20_000,
      3,
      (u) => u,
      (x) => (x[0] ?? 0) + 2 * (x[1] ?? 0) + 3 * (x[2] ?? 0),
    );
    [1 / 14, 4 / 14, 9 / 14].forEach((s, i) => {
      expect(result.first[i]).to.be.closeTo(s, 0.02);
      expect(result.total[i]).to.be.closeTo(s, 0.02);
    });
    expect(result.variance).to.be.closeTo(14 / 12, 0.03); // Σ a² · Var(U) = 14/12
  });

  it('gives exactly 0 to a factor that changes nothing', () => {
    const result = design(
      200,
      2,
      (u) => u,
      (x) => 5 * (x[0] ?? 0),
    );
    expect(result.first[1]).to.equal(0);
    expect(result.total[1]).to.equal(0);
  });

  it('gives null indices, not NaN, when the output does not vary', () => {
    const result = sobolIndices([3, 3], [3, 3], [[3, 3]]);
    expect(result.variance).to.equal(0);
    expect(result.first).to.deep.equal([null]);
    expect(result.total).to.deep.equal([null]);
  });

  it('works the estimators by hand on a two-point design', () => {
    // yA = [1, 3], yB = [2, 4], yAB = [2, 3]; mean of A ∪ B = 2.5,
    // V = (2.25 + 0.25 + 0.25 + 2.25) / (2N − 1) = 5 / 3 (the sample variance, as COINr's var())
    // V1 = (2·(2 − 1) + 4·(3 − 3)) / 2 = 1; VT1 = ((1 − 2)² + 0) / 4 = 0.25
    const result = sobolIndices([1, 3], [2, 4], [[2, 3]]);
    expect(result.variance).to.be.closeTo(5 / 3, 1e-15);
    expect(result.first[0]).to.be.closeTo(0.6, 1e-15);
    expect(result.total[0]).to.be.closeTo(0.15, 1e-15);
  });
});
