import { expect } from 'chai';
import fc from 'fast-check';
import { kendallTauB } from '../../../server/engine/compare/kendall.js';

/** τ-b by its definition, pair by pair: the O(n²) count the fast algorithm must agree with. */
function naiveTauB(x: readonly number[], y: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  let n0 = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      n0++;
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx * dy > 0) concordant++;
      if (dx * dy < 0) discordant++;
    }
  }
  return (concordant - discordant) / Math.sqrt((n0 - tiedX) * (n0 - tiedY));
}

describe("Kendall's τ-b (Knight's algorithm)", () => {
  it('counts one discordant pair of three as τ = 1/3', () => {
    // pairs (1,2): concordant, (1,3): concordant, (2,3): discordant → (2 − 1) / 3
    expect(kendallTauB([1, 2, 3], [1, 3, 2])).to.be.closeTo(1 / 3, 1e-15);
  });

  it('corrects for ties in x and in y', () => {
    // x = (1,2,2,3), y = (1,2,3,3): 6 pairs, 4 concordant, 0 discordant, one tied in x (units 2,3),
    // one tied in y (units 3,4) → 4 / √((6 − 1)(6 − 1)) = 0.8 (R: cor(x, y, method = "kendall") = 0.8)
    expect(kendallTauB([1, 2, 2, 3], [1, 2, 3, 3])).to.be.closeTo(0.8, 1e-15);
  });

  it('counts a pair tied in both x and y in neither tie group twice', () => {
    // x = (1,1,2), y = (5,5,6): n0 = 3, n1 = 1, n2 = 1, n3 = 1 (units 1,2 tie in both);
    // concordant 2 → 2 / √(2·2) = 1
    expect(kendallTauB([1, 1, 2], [5, 5, 6])).to.equal(1);
  });

  it('matches the published example of Hollander & Wolfe (1973, p. 187), τ = 4/9', () => {
    // the example in R's ?cor.test: T = 26 concordant of 36 pairs → (26 − 10) / 36 = 0.4444
    const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
    const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];
    expect(kendallTauB(x, y)).to.be.closeTo(4 / 9, 1e-15);
  });

  it("matches R's cor(method = 'kendall', use = 'pairwise.complete.obs') on tied data with missing values", () => {
    // set.seed(12); a <- sample(1:8, 25, TRUE); b <- sample(1:8, 25, TRUE); b[c(3, 9)] <- NA
    const a = [2, 2, 8, 7, 3, 6, 5, 5, 4, 2, 8, 3, 2, 5, 2, 1, 6, 4, 2, 2, 7, 8, 5, 8, 4];
    const b = [8, 1, NaN, 7, 2, 3, 6, 5, NaN, 6, 4, 5, 5, 1, 2, 7, 6, 7, 2, 8, 4, 4, 8, 3, 4];
    expect(kendallTauB(a, b)).to.be.closeTo(-0.093569286816659047, 1e-14);
  });

  it('is NaN with fewer than two complete pairs or no spread', () => {
    expect(kendallTauB([1, NaN], [NaN, 2])).to.be.NaN;
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).to.be.NaN;
  });

  it('agrees with the pair-by-pair definition on random tied data', () => {
    const values = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })), {
      minLength: 2,
      maxLength: 60,
    });
    fc.assert(
      fc.property(values, (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const expected = naiveTauB(x, y);
        const actual = kendallTauB(x, y);
        if (Number.isNaN(expected)) return Number.isNaN(actual);
        return Math.abs(actual - expected) < 1e-12;
      }),
    );
  });

  it('gives 1 for a ranking with itself and −1 for its reversal', () => {
    const ranking = fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 200 });
    fc.assert(
      fc.property(ranking, (r) => {
        const reversed = r.map((v) => -v);
        return kendallTauB(r, r) === 1 && kendallTauB(r, reversed) === -1;
      }),
    );
  });

  it('is symmetric in its two columns', () => {
    const values = fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })), {
      minLength: 3,
      maxLength: 80,
    });
    fc.assert(
      fc.property(values, (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const xy = kendallTauB(x, y);
        const yx = kendallTauB(y, x);
        return (Number.isNaN(xy) && Number.isNaN(yx)) || Math.abs(xy - yx) < 1e-12;
      }),
    );
  });

  it('compares 600,000 units within seconds (a pair-by-pair count would take hours)', () => {
    const n = 600_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i + 1;
      y[i] = ((i * 7919) % n) + 1; // a permutation (7919 is prime and does not divide 600,000)
    }
    const started = performance.now();
    const tau = kendallTauB(x, y);
    expect(performance.now() - started).to.be.below(3000);
    expect(tau).to.be.within(-1, 1);
  });
});
