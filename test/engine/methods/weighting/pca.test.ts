import { expect } from 'chai';
import { pca } from '../../../../server/engine/methods/weighting/pca.js';
import { oneNodeInput, weightsOf } from '../../support/weighting.js';
import { prepared } from '../../support/prepare.js';

describe('weighting: pca', () => {
  it('splits the weight between indicators that share the first component', () => {
    // correlations: r(A,B) = 1, C uncorrelated with both → matrix [[1,1,0],[1,1,0],[0,0,1]],
    // largest eigenvalue 2 with eigenvector (1, 1, 0)/√2 → squared loadings 0.5, 0.5, 0
    const { weighting } = oneNodeInput([
      [1, 2, 3, 4],
      [2, 4, 6, 8],
      [1, -1, -1, 1],
    ]);
    const weights = weightsOf(prepared(pca).run(weighting).weights);
    expect(weights[0]).to.be.closeTo(0.5, 1e-12);
    expect(weights[1]).to.be.closeTo(0.5, 1e-12);
    expect(weights[2]).to.be.closeTo(0, 1e-12);
  });
});
