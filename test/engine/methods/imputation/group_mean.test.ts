import { expect } from 'chai';
import { group_mean } from '../../../../server/engine/methods/imputation/group_mean.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { plain, prepareWith, prepared } from '../../support/prepare.js';

describe('imputation: group_mean', () => {
  it('fills each gap with the mean of its own group', () => {
    const target = imputationTarget([1, 3, null, 10, null], { groups: ['a', 'a', 'a', 'b', 'b'] });
    prepared(group_mean, { group: 'peer' }).run(target);
    expect(plain(target.values)).to.deep.equal([1, 3, 2, 10, 10]);
  });

  it('leaves a unit without a group missing', () => {
    const target = imputationTarget([1, 3, null], { groups: ['a', 'a', null] });
    const outcome = prepared(group_mean, { group: 'peer' }).run(target);
    expect(plain(target.values)).to.deep.equal([1, 3, null]);
    expect(outcome.unfilled).to.equal(1);
  });

  it('leaves a gap missing when its group has no value at all', () => {
    const target = imputationTarget([1, null, null], { groups: ['a', 'b', 'b'] });
    prepared(group_mean, { group: 'peer' }).run(target);
    expect(plain(target.values)).to.deep.equal([1, null, null]);
  });

  it('refuses a group attribute the units do not have, naming the known ones', () => {
    const { problems } = prepareWith(group_mean, { group: 'region' });
    expect(problems).to.have.length(1);
    expect(problems[0]?.message).to.contain('no attribute "region"').and.contain('peer');
  });

  it('requires the group parameter', () => {
    const { problems } = prepareWith(group_mean);
    expect(problems[0]?.where).to.equal('methods.test.group');
  });
});
