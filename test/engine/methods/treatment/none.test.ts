import { expect } from 'chai';
import { none } from '../../../../server/engine/methods/treatment/none.js';
import { column, prepared } from '../../support/prepare.js';

describe('treatment: none', () => {
  it('passes even an extreme outlier through unchanged', () => {
    const x = column([1, 2, 3, 4, 1e9]);
    const outcome = prepared(none).run(x);
    expect(outcome.values).to.equal(x);
    expect(outcome.flags).to.equal(undefined);
  });
});
