import { expect } from 'chai';
import { quantileSorted } from '../../../server/engine/uncertainty/quantile.js';

describe('uncertainty: type-7 quantiles', () => {
  it("gives R's quantile(1:10, c(0.05, 0.5, 0.95)) = 1.45, 5.5, 9.55", () => {
    // h = 9p: 0.45 → 1 + 0.45·(2 − 1); 4.5 → 5 + 0.5; 8.55 → 9 + 0.55
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(quantileSorted(x, 0.05)).to.be.closeTo(1.45, 1e-12);
    expect(quantileSorted(x, 0.5)).to.equal(5.5);
    expect(quantileSorted(x, 0.95)).to.be.closeTo(9.55, 1e-12);
  });

  it('interpolates between tied and distinct ranks: [1, 2, 2, 3] at 0.25 is 1.75', () => {
    // h = 3 × 0.25 = 0.75 → 1 + 0.75 × (2 − 1)
    expect(quantileSorted(Float64Array.of(1, 2, 2, 3), 0.25)).to.equal(1.75);
    expect(quantileSorted(Float64Array.of(1, 2, 2, 3), 0.5)).to.equal(2);
  });

  it('returns the extremes at 0 and 1 and the only value of a single-element sample', () => {
    const x = Float64Array.of(2, 4, 9);
    expect(quantileSorted(x, 0)).to.equal(2);
    expect(quantileSorted(x, 1)).to.equal(9);
    expect(quantileSorted(Float64Array.of(7), 0.05)).to.equal(7);
  });

  it('gives NaN for an empty sample', () => {
    expect(quantileSorted(new Float64Array(0), 0.5)).to.be.NaN;
  });
});
