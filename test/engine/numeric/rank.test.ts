import { expect } from 'chai';
import { ranksTiesMin } from '../../../server/engine/numeric/rank.js';
import { column } from '../support/prepare.js';

describe('ranks with ties "min"', () => {
  it('ranks the largest first and lets ties share the smallest rank', () => {
    expect(Array.from(ranksTiesMin(column([5, 9, 5, 1]), 'descending'))).to.deep.equal([2, 1, 2, 4]);
  });

  it('ranks the smallest first in ascending order', () => {
    expect(Array.from(ranksTiesMin(column([10, 30, 20, 30]), 'ascending'))).to.deep.equal([1, 3, 2, 3]);
  });

  it('gives a missing value no rank and does not count it', () => {
    expect(Array.from(ranksTiesMin(column([null, 2, 1]), 'descending'))).to.deep.equal([0, 1, 2]);
  });

  it('lets values within the given ulps of a group share its rank', () => {
    // 0.464 (the double nearest 116/250) and its neighbours two ulps either side
    const a = 0.46399999999999997;
    const b = 0.4640000000000001;
    expect(a).to.not.equal(b);
    expect(Array.from(ranksTiesMin(Float64Array.of(a, b, 0.5), 'descending', 16))).to.deep.equal([2, 2, 1]);
  });

  it('keeps values further apart than the ulps given in separate ranks', () => {
    expect(Array.from(ranksTiesMin(Float64Array.of(0.464, 0.46400000001), 'descending', 16))).to.deep.equal([
      2, 1,
    ]);
  });

  it('ties only equal doubles without ulps', () => {
    expect(
      Array.from(ranksTiesMin(Float64Array.of(0.46399999999999997, 0.4640000000000001), 'descending')),
    ).to.deep.equal([2, 1]);
  });
});
