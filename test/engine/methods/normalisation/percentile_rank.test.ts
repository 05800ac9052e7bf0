import { expect } from 'chai';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { percentile_rank } from '../../../../server/engine/methods/normalisation/percentile_rank.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: percentile_rank', () => {
  it('computes (rank - 1) / (n - 1) with ties "min"', () => {
    // ranks [1, 3, 2, 3, 5] over n = 5
    expect(plain(normaliseColumn(prepared(percentile_rank), [10, 30, 20, 30, 40]).values)).to.deep.equal([
      0, 0.5, 0.25, 0.5, 1,
    ]);
  });

  it('counts only the present values in n', () => {
    expect(plain(normaliseColumn(prepared(percentile_rank), [1, null, 2, 3]).values)).to.deep.equal([
      0,
      null,
      0.5,
      1,
    ]);
  });

  it('leaves a single value missing (no_variation) rather than dividing by zero', () => {
    const result = normaliseColumn(prepared(percentile_rank), [7, null]);
    expect(result.reasons[0]).to.equal(MissingCode.NoVariation);
  });
});
