import { expect } from 'chai';
import { ValidationError } from '../../../../server/errors.js';
import { geometric } from '../../../../server/engine/methods/aggregation/geometric.js';
import { aggregateRows } from '../../support/aggregate.js';
import { prepared } from '../../support/prepare.js';

describe('aggregation: geometric', () => {
  it('takes the weighted geometric mean', () => {
    expect(aggregateRows(prepared(geometric), [[4, 16]], [1, 1]).values[0]).to.be.closeTo(8, 1e-12);
    // exp((ln 1 + 3 ln 100) / 4) = 100^(3/4)
    expect(aggregateRows(prepared(geometric), [[1, 100]], [1, 3]).values[0]).to.be.closeTo(
      Math.pow(100, 0.75),
      1e-12,
    );
  });

  it('skips a missing child', () => {
    expect(aggregateRows(prepared(geometric), [[4, null, 16]], [1, 5, 1]).values[0]).to.be.closeTo(8, 1e-12);
  });

  it('refuses a zero with an error naming the unit and the indicator', () => {
    expect(() =>
      aggregateRows(
        prepared(geometric),
        [
          [4, 16],
          [0, 2],
        ],
        [1, 1],
      ),
    )
      .to.throw(ValidationError)
      .with.property('message')
      .that.contains('unit unit1 has child0 = 0')
      .and.contains('minmax with range [1, 100]');
  });

  it('refuses a negative value too', () => {
    expect(() => aggregateRows(prepared(geometric), [[4, -1]], [1, 1])).to.throw(
      ValidationError,
      'child1 = -1',
    );
  });
});
