import { expect } from 'chai';
import { none } from '../../../../server/engine/methods/screening/none.js';
import { column, prepared } from '../../support/prepare.js';

describe('screening: none', () => {
  it('keeps every unit but still measures availability', () => {
    const outcome = prepared(none).run({
      values: [column([1, null]), column([1, null])],
      reasons: [Uint8Array.of(0, 1), Uint8Array.of(0, 1)],
      rowCount: 2,
    });
    expect(Array.from(outcome.below)).to.deep.equal([0, 0]);
    expect(Array.from(outcome.availability)).to.deep.equal([1, 0]);
  });
});
