import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { reRank, type OwnPrioritiesInput } from '../../../server/engine/priorities/re-rank.js';
import { defaultRatings, ratingWeights } from '../../../server/engine/priorities/rating-weights.js';

// Expected values below are worked by hand in the comments.
function input(overrides: Partial<OwnPrioritiesInput>): OwnPrioritiesInput {
  return {
    dimensions: ['a', 'b'],
    // a: X 90, Y 60, Z 30; b: X 30, Y 60, Z 90. Published at weights 3 : 1 → X 75, Y 60, Z 45.
    scores: [Float64Array.of(90, 60, 30), Float64Array.of(30, 60, 90)],
    ratings: [3, 1],
    aggregation: { method: 'arithmetic' },
    publishedRanks: [1, 2, 3],
    unitCodes: ['X', 'Y', 'Z'],
    period: '2024',
    ...overrides,
  };
}

describe('re-ranking units by an official’s own priorities', () => {
  it('turns 0–5 ratings into weights that sum to 1', () => {
    // 3 / 4 and 1 / 4; 0, 2, 2 → 0, 1/2, 1/2
    expect(Array.from(ratingWeights(['a', 'b'], [3, 1]))).to.deep.equal([0.75, 0.25]);
    expect(Array.from(ratingWeights(['a', 'b', 'c'], [0, 2, 2]))).to.deep.equal([0, 0.5, 0.5]);
  });

  it('re-aggregates the dimension scores arithmetically with the own weights and ranks them', () => {
    // ratings 1 : 3 → X 90/4 + 3·30/4 = 45, Y 60, Z 30/4 + 3·90/4 = 75 → ranks 3, 2, 1
    const result = reRank(input({ ratings: [1, 3] }));
    expect(Array.from(result.scores)).to.deep.equal([45, 60, 75]);
    expect(Array.from(result.ranks)).to.deep.equal([3, 2, 1]);
  });

  it('gives the shift as published rank minus own rank, positive for a move up', () => {
    // published 1, 2, 3; own 3, 2, 1 → −2, 0, +2
    expect(Array.from(reRank(input({ ratings: [1, 3] })).shifts)).to.deep.equal([-2, 0, 2]);
  });

  it('gives Spearman’s ρ of −1 for a reversed ranking and 1 for the same order', () => {
    // ratings 2 : 1 → X 60 + 10 = 70, Y 60, Z 20 + 30 = 50 → ranks 1, 2, 3 as published
    expect(reRank(input({ ratings: [1, 3] })).rho).to.equal(-1);
    expect(reRank(input({ ratings: [2, 1] })).rho).to.equal(1);
  });

  it('lets equal scores share the smallest rank and gives no ρ without spread', () => {
    // ratings 1 : 1 → every unit 60 → all rank 1; the own ranks do not vary, so ρ is undefined
    const result = reRank(input({ ratings: [1, 1] }));
    expect(Array.from(result.ranks)).to.deep.equal([1, 1, 1]);
    expect(result.rho).to.be.NaN;
  });

  it('re-aggregates geometrically when the evaluation did, ties sharing the smallest rank', () => {
    // a: 4, 1, 16; b: 16, 1, 1. Ratings 1 : 1 → √64 = 8, 1, √16 = 4 → ranks 1, 3, 2.
    const scores = [Float64Array.of(4, 1, 16), Float64Array.of(16, 1, 1)];
    const even = reRank(input({ scores, ratings: [1, 1], aggregation: { method: 'geometric' } }));
    const [x, y, z] = Array.from(even.scores);
    expect(x).to.be.closeTo(8, 1e-12);
    expect(y).to.be.closeTo(1, 1e-12);
    expect(z).to.be.closeTo(4, 1e-12);
    expect(Array.from(even.ranks)).to.deep.equal([1, 3, 2]);
    // ratings 0 : 1 → 16, 1, 1 → ranks 1, 2, 2; against published 2, 1, 3: average ranks 1, 2.5, 2.5
    // against 2, 1, 3 → deviations (−1, .5, .5)·(0, −1, 1) = 0 → ρ = 0
    const onlyB = reRank(
      input({ scores, ratings: [0, 1], aggregation: { method: 'geometric' }, publishedRanks: [2, 1, 3] }),
    );
    expect(Array.from(onlyB.ranks)).to.deep.equal([1, 2, 2]);
    expect(onlyB.rho).to.equal(0);
  });

  it('ranks among every unit but takes ρ only over the units within the scope', () => {
    // a: 10, 20, 30, 40; b: 10, 20, 40, 30; published 4, 3, 2, 1. Ratings 0 : 1 → own ranks 4, 3, 1, 2.
    // All four: Σd² = 0 + 0 + 1 + 1 = 2 → ρ = 1 − 6·2 / (4·15) = 0.8.
    const four = {
      scores: [Float64Array.of(10, 20, 30, 40), Float64Array.of(10, 20, 40, 30)],
      ratings: [0, 1],
      publishedRanks: [4, 3, 2, 1],
      unitCodes: ['P', 'Q', 'R', 'S'],
    };
    const all = reRank(input(four));
    expect(Array.from(all.ranks)).to.deep.equal([4, 3, 1, 2]);
    expect(all.rho).to.be.closeTo(0.8, 1e-12);
    expect(all.compared).to.equal(4);
    // Only R and S: published 2, 1; own 1, 2 → ρ = −1; their own ranks are still among all four.
    const scoped = reRank(input({ ...four, within: Uint8Array.of(0, 0, 1, 1) }));
    expect(scoped.rho).to.equal(-1);
    expect(scoped.compared).to.equal(2);
    expect(Array.from(scoped.ranks)).to.deep.equal([4, 3, 1, 2]);
  });

  it('skips a missing dimension, leaves a unit with none unranked, and compares only units ranked both ways', () => {
    // X: a missing → b alone 30; Y: nothing → unranked; Z: 30/4 + 3·90/4 = 75
    const result = reRank(
      input({
        scores: [Float64Array.of(NaN, NaN, 30), Float64Array.of(30, NaN, 90)],
        ratings: [1, 3],
        publishedRanks: [1, 0, 2],
      }),
    );
    expect(Array.from(result.scores)).to.deep.equal([30, NaN, 75]);
    expect(Array.from(result.ranks)).to.deep.equal([2, 0, 1]);
    expect(Array.from(result.shifts)).to.deep.equal([-1, NaN, 1]);
    expect(result.compared).to.equal(2);
  });

  it('refuses a rating outside 0–5 or not whole, naming the dimension', () => {
    for (const bad of [6, -1, 2.5, NaN]) {
      expect(() => reRank(input({ ratings: [3, bad] })))
        .to.throw(ValidationError)
        .with.property('details')
        .that.deep.includes({
          where: 'w.b',
          message: `must be a whole number from 0 to 5, found ${String(bad)}`,
          zh: `须为 0 到 5 的整数，实为 ${String(bad)}`,
        });
    }
  });

  it('refuses all ratings at zero with a clear message', () => {
    expect(() => reRank(input({ ratings: [0, 0] })))
      .to.throw(ValidationError)
      .with.property('message')
      .that.contains('rate at least one dimension above 0');
  });

  it('refuses an aggregation method the engine does not know', () => {
    expect(() => reRank(input({ aggregation: { method: 'median' } })))
      .to.throw(ValidationError)
      .with.property('details')
      .that.deep.equals([{ where: 'methods.aggregation.method', message: 'found "median"' }]);
  });

  it('starts the form at ratings in proportion to the published weights, the heaviest at 5', () => {
    // 0.4 / 0.4 → 5; 0.2 / 0.4 · 5 = 2.5 → 3. 0.1 / 0.3 · 5 = 1.67 → 2. Equal weights → all 5.
    expect(defaultRatings([0.4, 0.4, 0.2])).to.deep.equal([5, 5, 3]);
    expect(defaultRatings([0.3, 0.1])).to.deep.equal([5, 2]);
    expect(defaultRatings([0.25, 0.25, 0.25, 0.25])).to.deep.equal([5, 5, 5, 5]);
    expect(defaultRatings([0, 0])).to.deep.equal([5, 5]);
  });
});
