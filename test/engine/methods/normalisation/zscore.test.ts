import { expect } from 'chai';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { zscore } from '../../../../server/engine/methods/normalisation/zscore.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: zscore', () => {
  it('centres on the mean and scales by the sample sd', () => {
    // mean 2, sample sd sqrt(((−1)² + 0 + 1²)/2) = 1
    expect(plain(normaliseColumn(prepared(zscore), [1, 2, 3]).values)).to.deep.equal([-1, 0, 1]);
  });

  it('uses n - 1, not n', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, Σd² = 32, sample sd sqrt(32/7)
    const result = normaliseColumn(prepared(zscore), [2, 4, 4, 4, 5, 5, 7, 9]);
    expect(result.values[7]).to.be.closeTo(4 / Math.sqrt(32 / 7), 1e-14);
  });

  it('turns a lower-is-better indicator around', () => {
    expect(plain(normaliseColumn(prepared(zscore), [1, 2, 3], { direction: -1 }).values)).to.deep.equal([
      1, 0, -1,
    ]);
  });

  it('rescales to a chosen mean and sd', () => {
    expect(plain(normaliseColumn(prepared(zscore, { mean: 100, sd: 10 }), [1, 2, 3]).values)).to.deep.equal([
      90, 100, 110,
    ]);
  });

  it('leaves a constant indicator missing with reason no_variation', () => {
    const result = normaliseColumn(prepared(zscore), [4, 4, 4]);
    expect(result.reasons[0]).to.equal(MissingCode.NoVariation);
  });
});
