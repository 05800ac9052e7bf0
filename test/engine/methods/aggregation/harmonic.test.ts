import { expect } from 'chai';
import { ValidationError } from '../../../../server/errors.js';
import { harmonic } from '../../../../server/engine/methods/aggregation/harmonic.js';
import { aggregateRows } from '../../support/aggregate.js';
import { prepared } from '../../support/prepare.js';

describe('aggregation: harmonic', () => {
  it('takes the weighted harmonic mean', () => {
    // 2 / (1/1 + 1/4) = 1.6; weighted: (1 + 3) / (1/2 + 3/6) = 4
    expect(aggregateRows(prepared(harmonic), [[1, 4]], [1, 1]).values[0]).to.be.closeTo(1.6, 1e-12);
    expect(aggregateRows(prepared(harmonic), [[2, 6]], [1, 3]).values[0]).to.be.closeTo(4, 1e-12);
  });

  it('refuses a zero with an error naming the unit and the indicator', () => {
    expect(() => aggregateRows(prepared(harmonic), [[0, 4]], [1, 1])).to.throw(
      ValidationError,
      'unit0 has child0 = 0',
    );
  });
});
