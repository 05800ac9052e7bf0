import { expect } from 'chai';
import { critic } from '../../../../server/engine/methods/weighting/critic.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepared } from '../../support/prepare.js';

describe('weighting: critic', () => {
  it('weighs the indicator that disagrees with the others most', () => {
    // sd = 1 for all three; r(A,B) = 1, r(A,C) = r(B,C) = -0.5
    // C_A = 1·(0 + 0 + 1.5) = 1.5, C_B = 1.5, C_C = 1·(1.5 + 1.5 + 0) = 3 → 0.25, 0.25, 0.5
    const { weighting } = oneNodeInput([
      [0, 1, 2],
      [0, 1, 2],
      [2, 0, 1],
    ]);
    const weights = weightsOf(prepared(critic).run(weighting).weights);
    expect(weights[0]).to.be.closeTo(0.25, 1e-15);
    expect(weights[1]).to.be.closeTo(0.25, 1e-15);
    expect(weights[2]).to.be.closeTo(0.5, 1e-15);
  });
});
