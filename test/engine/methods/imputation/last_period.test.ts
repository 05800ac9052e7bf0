import { expect } from 'chai';
import { CellFlag } from '../../../../server/engine/flags.js';
import { last_period } from '../../../../server/engine/methods/imputation/last_period.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { plain, prepared } from '../../support/prepare.js';

describe('imputation: last_period', () => {
  it('carries the previous period forward', () => {
    const target = imputationTarget([null, 8], { previous: [4, 7] });
    prepared(last_period).run(target);
    expect(plain(target.values)).to.deep.equal([4, 8]);
    expect(target.flags[0]).to.equal(CellFlag.Imputed);
  });

  it('fills nothing in the first period', () => {
    const target = imputationTarget([null, 8]);
    const outcome = prepared(last_period).run(target);
    expect(plain(target.values)).to.deep.equal([null, 8]);
    expect(outcome.unfilled).to.equal(1);
  });

  it('leaves a gap missing when the previous period is missing too', () => {
    const target = imputationTarget([null, 8], { previous: [null, 7] });
    prepared(last_period).run(target);
    expect(target.values[0]).to.be.NaN;
  });
});
