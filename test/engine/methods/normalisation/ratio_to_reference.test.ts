import { expect } from 'chai';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { ratio_to_reference } from '../../../../server/engine/methods/normalisation/ratio_to_reference.js';
import { normaliseColumn } from '../../support/normalise.js';
import { emptyInput, plain, prepareWith, prepared } from '../../support/prepare.js';

describe('normalisation: ratio_to_reference', () => {
  it('divides by the reference unit for a higher-is-better indicator', () => {
    const method = prepared(ratio_to_reference, { unit: 'b' });
    const result = normaliseColumn(method, [40, 80, 100], { units: ['a', 'b', 'c'] });
    expect(plain(result.values)).to.deep.equal([50, 100, 125]);
  });

  it('divides the reference by the value for a lower-is-better indicator', () => {
    const method = prepared(ratio_to_reference, { unit: 'b' });
    const result = normaliseColumn(method, [40, 80, 160], { units: ['a', 'b', 'c'], direction: -1 });
    expect(plain(result.values)).to.deep.equal([200, 100, 50]);
  });

  it('uses the best value when no unit is named', () => {
    expect(plain(normaliseColumn(prepared(ratio_to_reference), [1, 2, 4]).values)).to.deep.equal([
      25, 50, 100,
    ]);
  });

  it('takes the reference within each period of a pooled slice', () => {
    const method = prepared(ratio_to_reference, { unit: 'a' });
    const result = normaliseColumn(method, [10, 20, 40, 20], { units: ['a', 'b'] });
    expect(plain(result.values)).to.deep.equal([100, 200, 100, 50]);
  });

  it('leaves zero or negative values missing as domain_error', () => {
    const result = normaliseColumn(prepared(ratio_to_reference), [0, 2]);
    expect(result.reasons[0]).to.equal(MissingCode.DomainError);
  });

  it('refuses a reference unit that is not among the units', () => {
    const { problems } = prepareWith(ratio_to_reference, { unit: 'zz' }, emptyInput);
    expect(problems[0]?.message).to.contain('no unit has the code "zz"');
  });
});
