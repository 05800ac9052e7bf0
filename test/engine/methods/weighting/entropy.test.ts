import { expect } from 'chai';
import { entropy } from '../../../../server/engine/methods/weighting/entropy.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepared } from '../../support/prepare.js';

describe('weighting: entropy', () => {
  it('gives a column that does not separate units no weight', () => {
    // [1, 1, 1, 1]: p = 1/4 each, e = 1; [0, 0, 0, 4]: p = (0, 0, 0, 1), e = 0
    const { weighting } = oneNodeInput([
      [1, 1, 1, 1],
      [0, 0, 0, 4],
    ]);
    expect(weightsOf(prepared(entropy).run(weighting).weights)).to.deep.equal([0, 1]);
  });

  it('matches a hand-worked three-unit example', () => {
    // column A [1, 2, 3]: p = 1/6, 2/6, 3/6; e_A = -(Σ p ln p)/ln 3 = 0.920620...
    // column B [1, 1, 2]: p = 1/4, 1/4, 1/2; e_B = -(Σ p ln p)/ln 3 = 0.946394...
    const eA =
      -((1 / 6) * Math.log(1 / 6) + (2 / 6) * Math.log(2 / 6) + (3 / 6) * Math.log(3 / 6)) / Math.log(3);
    const eB = -(2 * (1 / 4) * Math.log(1 / 4) + (1 / 2) * Math.log(1 / 2)) / Math.log(3);
    const { weighting } = oneNodeInput([
      [1, 2, 3],
      [1, 1, 2],
    ]);
    const [wA, wB] = weightsOf(prepared(entropy).run(weighting).weights);
    expect(wA).to.be.closeTo((1 - eA) / (2 - eA - eB), 1e-14);
    expect(wB).to.be.closeTo((1 - eB) / (2 - eA - eB), 1e-14);
    expect(wA).to.be.closeTo(0.596908, 1e-6);
  });

  it('keeps the framework weights and says why when no column separates units', () => {
    const { weighting } = oneNodeInput([
      [2, 2],
      [3, 3],
    ]);
    const outcome = prepared(entropy).run(weighting);
    expect(weightsOf(outcome.weights)).to.deep.equal([1, 1]);
    expect(outcome.notes[0]?.message).to.contain('framework weights kept');
  });
});
