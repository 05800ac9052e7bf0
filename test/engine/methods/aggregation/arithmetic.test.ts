import { expect } from 'chai';
import { arithmetic } from '../../../../server/engine/methods/aggregation/arithmetic.js';
import { aggregateRows } from '../../support/aggregate.js';
import { plain, prepared } from '../../support/prepare.js';

describe('aggregation: arithmetic', () => {
  it('takes the weighted mean', () => {
    // (1·40 + 1·50 + 2·70) / 4 = 57.5
    expect(plain(aggregateRows(prepared(arithmetic), [[40, 50, 70]], [1, 1, 2]).values)).to.deep.equal([
      57.5,
    ]);
  });

  it('skips a missing child and rescales the weights over the rest', () => {
    // w = 1/3, 2/3 → 40/3 + 140/3 = 60
    expect(aggregateRows(prepared(arithmetic), [[40, null, 70]], [1, 1, 2]).values[0]).to.be.closeTo(
      60,
      1e-12,
    );
  });

  it('leaves a unit with no child present missing', () => {
    expect(plain(aggregateRows(prepared(arithmetic), [[null, null]], [1, 1]).values)).to.deep.equal([null]);
  });
});
