import { expect } from 'chai';
import { rank } from '../../../../server/engine/methods/normalisation/rank.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: rank', () => {
  it('ranks the worst 1 and lets ties share the smallest rank', () => {
    expect(plain(normaliseColumn(prepared(rank), [10, 30, 20, 30]).values)).to.deep.equal([1, 3, 2, 3]);
  });

  it('ranks a lower-is-better indicator the other way round', () => {
    expect(plain(normaliseColumn(prepared(rank), [10, 30, 20, 30], { direction: -1 }).values)).to.deep.equal([
      4, 1, 3, 1,
    ]);
  });

  it('gives a missing value no rank', () => {
    expect(plain(normaliseColumn(prepared(rank), [10, null, 5]).values)).to.deep.equal([2, null, 1]);
  });
});
