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

  it("uses PC1's loadings themselves with loadings: pc1 (COINr), and their squares by default", () => {
    // B ⟂ C and A = B + C: r(A,B) = r(A,C) = 1/√2, r(B,C) = 0; PC1 = (√2, 1, 1) / 2 (eigenvalue 2)
    const columns = [
      [2, 0, 0, -2],
      [1, 1, -1, -1],
      [1, -1, 1, -1],
    ];
    const squared = weightsOf(prepared(pca).run(oneNodeInput(columns).weighting).weights);
    const pc1 = weightsOf(prepared(pca, { loadings: 'pc1' }).run(oneNodeInput(columns).weighting).weights);
    [0.5, 0.25, 0.25].forEach((w, j) => expect(squared[j]).to.be.closeTo(w, 1e-12));
    const sum = Math.SQRT2 + 2;
    [Math.SQRT2 / sum, 1 / sum, 1 / sum].forEach((w, j) => expect(pc1[j]).to.be.closeTo(w, 1e-12));
  });

  it('keeps the framework weights, with a note, when a PC1 loading is negative under pc1', () => {
    // C = -A: PC1 = (1, 1, -1) / √3
    const { weighting } = oneNodeInput([
      [1, 2, 3, 4],
      [2, 4, 6, 8],
      [-1, -2, -3, -4],
    ]);
    const outcome = prepared(pca, { loadings: 'pc1' }).run(weighting);
    expect(weightsOf(outcome.weights)).to.deep.equal(Array.from(weighting.tree.aggregates[0]!.childWeights));
    expect(outcome.notes.map((n) => n.message)).to.deep.equal([
      'pca gives no usable weights (a first-component loading is negative); framework weights kept',
    ]);
  });
});
