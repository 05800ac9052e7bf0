import { expect } from 'chai';
import { equal } from '../../../../server/engine/methods/weighting/equal.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepared } from '../../support/prepare.js';

describe('weighting: equal', () => {
  it('gives every child the same weight', () => {
    const { weighting } = oneNodeInput([[1], [2], [3]]);
    expect(weightsOf(prepared(equal).run(weighting).weights)).to.deep.equal([1, 1, 1]);
  });
});
