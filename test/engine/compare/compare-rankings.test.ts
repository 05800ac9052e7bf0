import { expect } from 'chai';
import fc from 'fast-check';
import { compareRankings } from '../../../server/engine/compare/compare-rankings.js';

// Expected values below are worked by hand in the comments.
describe('comparing the rankings of evaluations', () => {
  const first = { scores: [90, 80, 70, 60], ranks: [1, 2, 3, 4] };
  const second = { scores: [70, 85, 50, NaN], ranks: [2, 1, 3, 0] };

  it('gives each unit its rank in the first minus its rank in the other, NaN where unranked', () => {
    // unit 0: 1 − 2 = −1, unit 1: 2 − 1 = +1, unit 2: 3 − 3 = 0, unit 3: unranked in the second
    const shift = compareRankings([first, second]).shifts[0]!;
    expect(shift.against).to.equal(1);
    expect(Array.from(shift.rankShifts)).to.deep.equal([-1, 1, 0, NaN]);
  });

  it('gives each unit its score in the other minus its score in the first', () => {
    // 70 − 90, 85 − 80, 50 − 70, NaN − 60
    expect(Array.from(compareRankings([first, second]).shifts[0]!.scoreChanges)).to.deep.equal([
      -20,
      5,
      -20,
      NaN,
    ]);
  });

  it('lists movers up and down, furthest first, ties by unit order, leaving out units that kept their rank', () => {
    const a = { scores: [0, 0, 0, 0, 0, 0], ranks: [1, 2, 3, 4, 5, 6] };
    const b = { scores: [0, 0, 0, 0, 0, 0], ranks: [4, 1, 2, 6, 3, 5] };
    // shifts: 1−4 = −3, 2−1 = +1, 3−2 = +1, 4−6 = −2, 5−3 = +2, 6−5 = +1
    const { up, down } = compareRankings([a, b]).shifts[0]!;
    expect(up).to.deep.equal([
      { unit: 4, shift: 2 },
      { unit: 1, shift: 1 },
      { unit: 2, shift: 1 },
      { unit: 5, shift: 1 },
    ]);
    expect(down).to.deep.equal([
      { unit: 0, shift: -3 },
      { unit: 3, shift: -2 },
    ]);
  });

  it('keeps only the number of movers asked for, the earlier unit winning a tie', () => {
    const a = { scores: [0, 0, 0, 0], ranks: [4, 3, 2, 1] };
    const b = { scores: [0, 0, 0, 0], ranks: [1, 1, 1, 1] };
    // shifts 3, 2, 1, 0; with a tie added below
    expect(compareRankings([a, b], { movers: 2 }).shifts[0]!.up.map((m) => m.unit)).to.deep.equal([0, 1]);
    const c = { scores: [0, 0, 0, 0], ranks: [3, 3, 3, 1] };
    const d = { scores: [0, 0, 0, 0], ranks: [1, 1, 1, 1] };
    // shifts 2, 2, 2, 0: the first two units win
    expect(compareRankings([c, d], { movers: 2 }).shifts[0]!.up.map((m) => m.unit)).to.deep.equal([0, 1]);
  });

  it('measures agreement over the units ranked in both, with average ranks for ties', () => {
    // ranks x = (1,2,2,3), y = (1,2,3,3), unit 5 unranked in y so left out: n = 4.
    // Spearman: average ranks (1,2.5,2.5,4) and (1,2,3.5,3.5); deviations from 2.5:
    // (−1.5,0,0,1.5)·(−1.5,−0.5,1,1) = 3.75; sums of squares 4.5 and 4.5 → ρ = 3.75 / 4.5 = 0.8333
    // Kendall τ-b: 4 concordant, 0 discordant, one tie in each → 4 / √(5·5) = 0.8
    const x = { scores: [5, 4, 4, 3, 1], ranks: [1, 2, 2, 3, 4] };
    const y = { scores: [5, 4, 3, 3, NaN], ranks: [1, 2, 3, 3, NaN] };
    const [pair] = compareRankings([x, y]).agreement;
    expect(pair).to.include({ a: 0, b: 1, n: 4 });
    expect(pair!.spearman).to.be.closeTo(3.75 / 4.5, 1e-15);
    expect(pair!.kendall).to.be.closeTo(0.8, 1e-15);
  });

  it('compares three evaluations: shifts from the first to each other, agreement for every pair', () => {
    const a = { scores: [3, 2, 1], ranks: [1, 2, 3] };
    const b = { scores: [1, 2, 3], ranks: [3, 2, 1] };
    const c = { scores: [3, 2, 1], ranks: [1, 2, 3] };
    const result = compareRankings([a, b, c]);
    expect(result.shifts.map((s) => s.against)).to.deep.equal([1, 2]);
    // a vs b reversed: shifts 1−3, 2−2, 3−1
    expect(Array.from(result.shifts[0]!.rankShifts)).to.deep.equal([-2, 0, 2]);
    expect(result.agreement.map((p) => [p.a, p.b, p.kendall, p.spearman])).to.deep.equal([
      [0, 1, -1, -1],
      [0, 2, 1, 1],
      [1, 2, -1, -1],
    ]);
  });

  it("matches R's Spearman on tied ranks with missing values", () => {
    // set.seed(12); a <- sample(1:8, 25, TRUE); b <- sample(1:8, 25, TRUE); b[c(3, 9)] <- NA
    // cor(a, b, method = "spearman", use = "pairwise.complete.obs") = -0.1212651276383066
    const a = [2, 2, 8, 7, 3, 6, 5, 5, 4, 2, 8, 3, 2, 5, 2, 1, 6, 4, 2, 2, 7, 8, 5, 8, 4];
    const b = [8, 1, NaN, 7, 2, 3, 6, 5, NaN, 6, 4, 5, 5, 1, 2, 7, 6, 7, 2, 8, 4, 4, 8, 3, 4];
    const [pair] = compareRankings([
      { scores: a, ranks: a },
      { scores: b, ranks: b },
    ]).agreement;
    expect(pair!.n).to.equal(23);
    expect(pair!.spearman).to.be.closeTo(-0.1212651276383066, 1e-14);
    expect(pair!.kendall).to.be.closeTo(-0.093569286816659047, 1e-14);
  });

  it('refuses columns of different lengths', () => {
    expect(() => compareRankings([first, { scores: [1], ranks: [1] }])).to.throw(RangeError);
  });

  it('gives ρ = τ = 1 for a ranking with itself and −1 for its reversal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), (n) => {
        const ranks = Array.from({ length: n }, (_, i) => i + 1);
        const reversed = ranks.map((r) => n + 1 - r);
        const same = compareRankings([
          { scores: ranks, ranks },
          { scores: ranks, ranks },
        ]).agreement[0]!;
        const flip = compareRankings([
          { scores: ranks, ranks },
          { scores: reversed, ranks: reversed },
        ]).agreement[0]!;
        return (
          same.kendall === 1 &&
          Math.abs(same.spearman - 1) < 1e-12 &&
          flip.kendall === -1 &&
          Math.abs(flip.spearman + 1) < 1e-12
        );
      }),
    );
  });
});
