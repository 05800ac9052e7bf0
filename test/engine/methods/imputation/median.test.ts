import { expect } from 'chai';
import { median } from '../../../../server/engine/methods/imputation/median.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { plain, prepared } from '../../support/prepare.js';

describe('imputation: median', () => {
  it('fills a gap with the median of an odd number of present values', () => {
    const target = imputationTarget([1, null, 2, 9]);
    prepared(median).run(target);
    expect(plain(target.values)).to.deep.equal([1, 2, 2, 9]);
  });

  it('takes the mean of the two middle values for an even count', () => {
    const target = imputationTarget([1, 3, null, 9, 100]);
    prepared(median).run(target);
    expect(target.values[2]).to.equal(6);
  });
});
