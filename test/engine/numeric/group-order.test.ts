import { expect } from 'chai';
import { groupMedians, ranksWithinGroups } from '../../../server/engine/numeric/group-order.js';
import { column } from '../support/prepare.js';

describe('order within groups', () => {
  it('ranks within each group, best first, ties sharing the smallest rank', () => {
    // group 0: 3, 2, 3 → ranks 1, 3, 1; group 1: 1 → 1; the unlabelled row has none
    const ranks = ranksWithinGroups(column([3, 1, 2, 3, 5]), Int32Array.of(0, 1, 0, 0, -1), 2);
    expect(Array.from(ranks)).to.deep.equal([1, 1, 3, 1, 0]);
  });

  it('gives a missing value no rank within its group', () => {
    expect(Array.from(ranksWithinGroups(column([null, 4, 6]), Int32Array.of(0, 0, 0), 1))).to.deep.equal([
      0, 2, 1,
    ]);
  });

  it('takes the median of each group, averaging the middle pair', () => {
    const medians = groupMedians(column([1, 10, 3, 20, 2, null, 40]), Int32Array.of(0, 1, 0, 1, 0, 1, 1), 3);
    expect(Array.from(medians)).to.deep.equal([2, 20, Number.NaN]);
  });
});
