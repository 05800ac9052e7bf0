import { expect } from 'chai';
import { prepareExpected } from '../../server/evaluation/expected-section.js';
import { storedChoices } from '../../server/evaluation/stored-choices.js';
import { ValidationError } from '../../server/errors.js';

const units = [
  { resident_population: 8000, urban_rural: 'urban', area_km2: 0.8 },
  { resident_population: 2000, urban_rural: 'rural', area_km2: 6.1 },
];

describe('the expected-score section of an evaluation', () => {
  it('refuses a bad choice before any work, naming the field', () => {
    let thrown: unknown;
    try {
      prepareExpected({ attributes: ['gdp'] }, units);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ValidationError);
    expect((thrown as ValidationError).details.map((d) => d.where)).to.deep.equal([
      'methods.expected.attributes[0]',
    ]);
  });

  it('turns off with method none', () => {
    expect(prepareExpected({ method: 'none' }, units)).to.deep.equal({ method: 'none' });
  });

  it('replays the stored settings in a new version', () => {
    const stored = {
      weighting: { method: 'framework' },
      expected: { method: 'ols', attributes: ['area_km2'], log: [] },
    };
    expect(storedChoices(stored).expected).to.deep.equal({
      method: 'ols',
      attributes: ['area_km2'],
      log: [],
    });
  });
});
