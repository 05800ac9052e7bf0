import { expect } from 'chai';
import { ahp } from '../../../../server/engine/methods/weighting/ahp.js';
import { ahpWeights } from '../../../../server/engine/methods/weighting/ahp-matrix.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepareWith, prepared } from '../../support/prepare.js';

describe('weighting: ahp', () => {
  it('derives 0.75 and 0.25 from "the first is three times as important"', () => {
    const { input, weighting } = oneNodeInput([[1], [2]]);
    const method = prepared(
      ahp,
      {
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
      input,
    );
    const [a, b] = weightsOf(method.run(weighting).weights);
    expect(a).to.be.closeTo(0.75, 1e-12);
    expect(b).to.be.closeTo(0.25, 1e-12);
  });

  it('gives a consistent 3 × 3 matrix weights 4/7, 2/7, 1/7 and consistency ratio 0', () => {
    const result = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expect(result.weights[0]).to.be.closeTo(4 / 7, 1e-12);
    expect(result.weights[2]).to.be.closeTo(1 / 7, 1e-12);
    expect(result.lambdaMax).to.be.closeTo(3, 1e-12);
    expect(result.cr).to.be.closeTo(0, 1e-12);
  });

  it("computes the consistency ratio with Saaty's random index", () => {
    // For a 3 × 3 reciprocal matrix λmax = 1 + x + 1/x with x = (a12 a23 / a13)^(1/3);
    // here x = (2 · 2 / 0.5)^(1/3) = 2, so λmax = 3.5, CI = 0.25 and CR = 0.25 / 0.58.
    const result = ahpWeights([
      [1, 2, 1 / 2],
      [1 / 2, 1, 2],
      [2, 1 / 2, 1],
    ]);
    expect(result.lambdaMax).to.be.closeTo(3.5, 1e-10);
    expect(result.cr).to.be.closeTo(0.25 / 0.58, 1e-10);
  });

  it('refuses a consistency ratio of 0.1 or more, saying what to do', () => {
    const { input } = oneNodeInput([[1], [2], [3]]);
    const { problems } = prepareWith(
      ahp,
      {
        matrix: [
          [1, 2, 1 / 2],
          [1 / 2, 1, 2],
          [2, 1 / 2, 1],
        ],
      },
      input,
    );
    expect(problems[0]?.message).to.contain('consistency ratio 0.431').and.contain('override_cr');
  });

  it('accepts an inconsistent matrix when override_cr is set', () => {
    const { input } = oneNodeInput([[1], [2], [3]]);
    const { problems } = prepareWith(
      ahp,
      {
        matrix: [
          [1, 2, 1 / 2],
          [1 / 2, 1, 2],
          [2, 1 / 2, 1],
        ],
        override_cr: true,
      },
      input,
    );
    expect(problems).to.deep.equal([]);
  });

  it('refuses a matrix that is not reciprocal, naming the cell to fix', () => {
    const { input } = oneNodeInput([[1], [2]]);
    const { problems } = prepareWith(
      ahp,
      {
        matrix: [
          [1, 3],
          [0.5, 1],
        ],
      },
      input,
    );
    expect(problems[0]?.message).to.contain('not reciprocal: a[2][1] must be 1 / a[1][2]');
  });

  it('refuses a matrix of the wrong size', () => {
    const { input } = oneNodeInput([[1], [2], [3]]);
    const { problems } = prepareWith(
      ahp,
      {
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
      input,
    );
    expect(problems[0]?.message).to.contain('3 × 3');
  });

  it('follows the order given in children', () => {
    const { input, weighting } = oneNodeInput([[1], [2]]);
    const method = prepared(
      ahp,
      {
        children: ['i1', 'i0'],
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
      input,
    );
    const [a, b] = weightsOf(method.run(weighting).weights);
    expect(a).to.be.closeTo(0.25, 1e-12);
    expect(b).to.be.closeTo(0.75, 1e-12);
  });
});
