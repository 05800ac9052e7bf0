import { expect } from 'chai';
import { rangeProblem, expectedValue } from '../../server/intake/check-range.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';

const households: IntakeVariable = {
  name: 'households',
  type: 'integer',
  minimum: 0,
  label: { zh: '常住户数', en: 'Resident households' },
  unit: { zh: '户', en: 'households' },
};
const share: IntakeVariable = {
  name: 'share',
  type: 'number',
  minimum: 0,
  maximum: 100,
  label: { zh: '比例', en: 'Share' },
  unit: { zh: '%', en: '%' },
};
const positive: IntakeVariable = {
  ...share,
  name: 'days',
  minimum: undefined,
  maximum: undefined,
  exclusiveMinimum: 0,
} as never;

describe('rangeProblem', () => {
  it('accepts a value within bounds', () => {
    expect(rangeProblem(households, 0)).to.equal(undefined);
    expect(rangeProblem(share, 100)).to.equal(undefined);
  });

  it('calls a negative count a negative count', () => {
    expect(rangeProblem(households, -3)).to.deep.equal({
      reason: 'negative_count',
      expected: 'an integer ≥ 0',
    });
  });

  it('refuses a fraction where an integer is declared', () => {
    expect(rangeProblem(households, 2.5)?.reason).to.equal('not_an_integer');
  });

  it('names values below the minimum and above the maximum', () => {
    expect(rangeProblem(share, -0.1)).to.deep.equal({
      reason: 'below_minimum',
      expected: 'a number 0 – 100',
    });
    expect(rangeProblem(share, 100.5)?.reason).to.equal('above_maximum');
  });

  it('treats an exclusive minimum as exclusive', () => {
    expect(rangeProblem(positive, 0)?.reason).to.equal('below_minimum');
    expect(rangeProblem(positive, 0.01)).to.equal(undefined);
    expect(expectedValue(positive)).to.equal('a number > 0');
  });
});
