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
});
