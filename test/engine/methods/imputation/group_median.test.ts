import { expect } from 'chai';
import { group_median } from '../../../../server/engine/methods/imputation/group_median.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { plain, prepared } from '../../support/prepare.js';

describe('imputation: group_median', () => {
  it('fills each gap with the median of its own group', () => {
    const target = imputationTarget([1, 2, 9, null, 5, null], { groups: ['a', 'a', 'a', 'a', 'b', 'b'] });
    prepared(group_median, { group: 'peer' }).run(target);
    expect(plain(target.values)).to.deep.equal([1, 2, 9, 2, 5, 5]);
  });
});
