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

  it('gives units whose integer scores have the same mean the same double, whatever their order', () => {
    // Each row sums to 81 over 5 equally weighted children: exactly 16.2 for all three. Adding
    // (1/5)·x child by child gave 16.200000000000003 for the first row and 16.2 for the second.
    const rows = [
      [0, 1, 2, 37, 41],
      [41, 37, 2, 1, 0],
      [16, 16, 17, 16, 16],
    ];
    const values = plain(aggregateRows(prepared(arithmetic), rows, [1, 1, 1, 1, 1]).values);
    expect(values).to.deep.equal([81 / 5, 81 / 5, 81 / 5]);
  });

  it('ties units with unequal weights whose weighted sums are equal in exact arithmetic', () => {
    // weights 1, 3, 6: (1·0 + 3·1 + 6·1) / 10 = 0.9 = (1·3 + 3·0 + 6·1) / 10; rescaling the weights
    // first and adding child by child gave 0.8999999999999999 and 0.9.
    const rows = [
      [0, 1, 1],
      [3, 0, 1],
    ];
    const values = plain(aggregateRows(prepared(arithmetic), rows, [1, 3, 6]).values);
    expect(values).to.deep.equal([0.9, 0.9]);
  });
});
