import { expect } from 'chai';
import type { ProblemDetail } from '../../../../server/errors.js';
import { resolveExpectedChoice } from '../../../../server/engine/context/expected/expected-choice.js';

const units = [
  {
    resident_population: 8000,
    urban_rural: 'urban',
    area_km2: 0.8,
    old_compound_share: 0.3,
    peer_group: 'urban_large',
  },
  { resident_population: 2000, urban_rural: 'rural', area_km2: 6.1, peer_group: 'rural' },
];

describe('the expected-score choice', () => {
  it('defaults to the numeric attributes every unit carries, population on a log scale', () => {
    const problems: ProblemDetail[] = [];
    expect(resolveExpectedChoice(undefined, units, problems)).to.deep.equal({
      method: 'ols',
      attributes: ['resident_population', 'urban_rural', 'area_km2'],
      log: ['resident_population'],
    });
    expect(problems).to.deep.equal([]);
  });

  it('takes the attributes given, an attribute some units lack included', () => {
    const problems: ProblemDetail[] = [];
    const settings = resolveExpectedChoice(
      { attributes: ['old_compound_share', 'area_km2'], log: ['area_km2'] },
      units,
      problems,
    );
    expect(settings).to.deep.equal({
      method: 'ols',
      attributes: ['old_compound_share', 'area_km2'],
      log: ['area_km2'],
    });
    expect(problems).to.deep.equal([]);
  });

  it('turns off with method none', () => {
    expect(resolveExpectedChoice({ method: 'none' }, units, [])).to.deep.equal({ method: 'none' });
  });

  it('names an attribute no unit carries as a number', () => {
    const problems: ProblemDetail[] = [];
    resolveExpectedChoice({ attributes: ['peer_group', 'gdp'] }, units, problems);
    expect(problems.map((p) => p.where)).to.deep.equal([
      'methods.expected.attributes[0]',
      'methods.expected.attributes[1]',
    ]);
    expect(problems[1]?.message).to.match(/no base unit carries a numeric attribute gdp/);
  });

  it('refuses a log attribute that is not chosen, an unknown method and unknown keys', () => {
    const problems: ProblemDetail[] = [];
    resolveExpectedChoice({ attributes: ['area_km2'], log: ['resident_population'], k: 3 }, units, problems);
    resolveExpectedChoice({ method: 'ridge' }, units, problems);
    expect(problems.map((p) => p.where)).to.deep.equal([
      'methods.expected.k',
      'methods.expected.log[0]',
      'methods.expected.method',
    ]);
  });

  it('refuses an empty attribute list', () => {
    const problems: ProblemDetail[] = [];
    resolveExpectedChoice({ attributes: [] }, units, problems);
    expect(problems[0]?.where).to.equal('methods.expected.attributes');
  });
});
