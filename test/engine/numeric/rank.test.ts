import { expect } from 'chai';
import { KeyScratch, ranksTiesMin, sortedKeys } from '../../../server/engine/numeric/rank.js';
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

  it('gives the same keys with a reused scratch as with fresh arrays, whatever came before', () => {
    // Columns of different lengths one after the other: nothing of a previous call may leak into the next.
    const scratch = new KeyScratch();
    const columns = [
      Float64Array.of(3, -1, Number.NaN, 0, -0, 2.5, 3, 1e300, -1e-300),
      Float64Array.of(7, 7, 1),
      Float64Array.of(Number.NaN, Number.NaN),
      Float64Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) - 50 + (i % 3) * 2 ** -40),
      Float64Array.of(2, 1),
    ];
    for (const values of columns) {
      const fresh = sortedKeys(values);
      const reused = sortedKeys(values, scratch);
      for (const key of ['hi', 'lo', 'rows'] as const) {
        expect(Array.from(reused[key]), key).to.deep.equal(Array.from(fresh[key]));
      }
    }
    // ranksTiesMin's own scratch, reused between the two calls
    expect(Array.from(ranksTiesMin(Float64Array.of(1, 5), 'descending'))).to.deep.equal([2, 1]);
    expect(Array.from(ranksTiesMin(Float64Array.of(9, 4, 4), 'descending'))).to.deep.equal([1, 2, 2]);
  });
});
