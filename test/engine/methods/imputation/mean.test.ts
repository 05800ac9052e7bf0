import { expect } from 'chai';
import { CellFlag } from '../../../../server/engine/flags.js';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { mean } from '../../../../server/engine/methods/imputation/mean.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { plain, prepared } from '../../support/prepare.js';

describe('imputation: mean', () => {
  it('fills a gap with the mean of the present values', () => {
    const target = imputationTarget([2, null, 4, 6]);
    prepared(mean).run(target);
    expect(plain(target.values)).to.deep.equal([2, 4, 4, 6]);
  });

  it('marks the filled cell imputed with reason ok', () => {
    const target = imputationTarget([2, null, 4]);
    prepared(mean).run(target);
    expect(target.flags[1]).to.equal(CellFlag.Imputed);
    expect(target.reasons[1]).to.equal(MissingCode.Ok);
    expect(target.flags[0]).to.equal(0);
  });

  it('does not fill a unit that was screened out or an indicator that does not apply', () => {
    const target = imputationTarget([2, null, null, 4], {
      reasons: [0, MissingCode.ScreenedOut, MissingCode.NotApplicable, 0],
    });
    const outcome = prepared(mean).run(target);
    expect(plain(target.values)).to.deep.equal([2, null, null, 4]);
    expect(outcome.filled).to.equal(0);
  });

  it('fills values missing because of a division by zero', () => {
    const target = imputationTarget([2, null, 4], { reasons: [0, MissingCode.DivisionByZero, 0] });
    prepared(mean).run(target);
    expect(target.values[1]).to.equal(3);
  });
});
