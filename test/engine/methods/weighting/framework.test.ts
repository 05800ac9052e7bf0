import { expect } from 'chai';
import { framework } from '../../../../server/engine/methods/weighting/framework.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepareWith, prepared } from '../../support/prepare.js';

describe('weighting: framework', () => {
  it('uses the weights the framework gives', () => {
    const { weighting } = oneNodeInput([[1], [2]]);
    expect(weightsOf(prepared(framework).run(weighting).weights)).to.deep.equal([1, 1]);
  });

  it('lets a custom weight set override some of them', () => {
    const { input, weighting } = oneNodeInput([[1], [2]]);
    expect(
      weightsOf(prepared(framework, { weights: { i1: 3 } }, input).run(weighting).weights),
    ).to.deep.equal([1, 3]);
  });

  it('refuses overrides that leave a node weighing zero in total', () => {
    const { input } = oneNodeInput([[1], [2]]);
    const { problems } = prepareWith(framework, { weights: { i0: 0, i1: 0 } }, input);
    expect(problems[0]?.message).to.contain('weigh zero in total');
  });

  it('refuses an id the framework does not have', () => {
    const { input } = oneNodeInput([[1], [2]]);
    const { problems } = prepareWith(framework, { weights: { nope: 1 } }, input);
    expect(problems[0]?.where).to.equal('methods.test.weights.nope');
  });
});
