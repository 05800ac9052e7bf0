import { expect } from 'chai';
import { none } from '../../../../server/engine/methods/imputation/none.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { plain, prepared } from '../../support/prepare.js';

describe('imputation: none', () => {
  it('leaves missing values missing', () => {
    const target = imputationTarget([1, null, 3]);
    const outcome = prepared(none).run(target);
    expect(plain(target.values)).to.deep.equal([1, null, 3]);
    expect(outcome.filled).to.equal(0);
  });
});
