import { expect } from 'chai';
import { cv } from '../../../../server/engine/methods/weighting/cv.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepared } from '../../support/prepare.js';

describe('weighting: cv', () => {
  it('weighs indicators by their coefficient of variation', () => {
    // [1, 2, 3]: sd 1, mean 2 → 0.5; [2, 4, 6]: sd 2, mean 4 → 0.5; [10, 10, 10]: 0
    const { weighting } = oneNodeInput([
      [1, 2, 3],
      [2, 4, 6],
      [10, 10, 10],
    ]);
    expect(weightsOf(prepared(cv).run(weighting).weights)).to.deep.equal([0.5, 0.5, 0]);
  });

  it('gives the more variable indicator more weight', () => {
    // [1, 2, 3]: cv 0.5; [3, 4, 5]: sd 1, mean 4 → 0.25; shares 2/3 and 1/3
    const { weighting } = oneNodeInput([
      [1, 2, 3],
      [3, 4, 5],
    ]);
    const [a, b] = weightsOf(prepared(cv).run(weighting).weights);
    expect(a).to.be.closeTo(2 / 3, 1e-15);
    expect(b).to.be.closeTo(1 / 3, 1e-15);
  });
});
