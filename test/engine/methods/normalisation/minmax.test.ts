import { expect } from 'chai';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { minmax } from '../../../../server/engine/methods/normalisation/minmax.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepareWith, prepared } from '../../support/prepare.js';

describe('normalisation: minmax', () => {
  it('maps the worst to 0 and the best to 100 by default', () => {
    expect(plain(normaliseColumn(prepared(minmax), [2, 4, 6]).values)).to.deep.equal([0, 50, 100]);
  });

  it('turns a lower-is-better indicator around', () => {
    expect(plain(normaliseColumn(prepared(minmax), [2, 4, 6], { direction: -1 }).values)).to.deep.equal([
      100, 50, 0,
    ]);
  });

  it('maps onto another range', () => {
    // (x - 2)/4 * 99 + 1
    expect(plain(normaliseColumn(prepared(minmax, { range: [1, 100] }), [2, 3, 6]).values)).to.deep.equal([
      1, 25.75, 100,
    ]);
  });

  it('skips missing values', () => {
    expect(plain(normaliseColumn(prepared(minmax), [2, null, 6]).values)).to.deep.equal([0, null, 100]);
  });

  it('leaves a constant indicator missing with reason no_variation instead of NaN', () => {
    const result = normaliseColumn(prepared(minmax), [3, 3, 3]);
    expect(plain(result.values)).to.deep.equal([null, null, null]);
    expect(Array.from(result.reasons)).to.deep.equal([
      MissingCode.NoVariation,
      MissingCode.NoVariation,
      MissingCode.NoVariation,
    ]);
  });

  it('refuses a reversed range', () => {
    const { problems } = prepareWith(minmax, { range: [100, 0] });
    expect(problems[0]?.message).to.contain('low end must be below the high end');
  });
});
