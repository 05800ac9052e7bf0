import { expect } from 'chai';
import { headerMatcher, variableAliases } from '../../server/intake/header-match.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';

const households: IntakeVariable = {
  name: 'households',
  type: 'integer',
  minimum: 0,
  label: { zh: '常住户数', en: 'Resident households' },
  unit: { zh: '户', en: 'households' },
};

describe('headerMatcher', () => {
  const match = headerMatcher([{ key: 'households', aliases: variableAliases(households) }]);

  it('reads the registry template header: the name before ｜', () => {
    expect(match('households｜常住户数（户）')).to.equal('households');
    expect(match('\uFEFFhouseholds｜anything at all')).to.equal('households');
  });

  it('reads the name, the Chinese label and the English label, in any case and width', () => {
    expect(
      ['households', 'HOUSEHOLDS', '常住户数', 'Resident households', ' resident  HOUSEHOLDS '].map(match),
    ).to.deep.equal(Array(5).fill('households'));
  });

  it('reads a label followed by its unit in brackets', () => {
    expect(match('常住户数（户）')).to.equal('households');
    expect(match('Resident households (households)')).to.equal('households');
    expect(match('常住户数｜Resident households')).to.equal('households');
  });

  it('matches nothing for an unknown header', () => {
    expect(match('备注')).to.equal(undefined);
    expect(match('')).to.equal(undefined);
  });

  it('matches neither target when two share an alias', () => {
    const ambiguous = headerMatcher([
      { key: 'a', aliases: ['a', '人数'] },
      { key: 'b', aliases: ['b', '人数'] },
    ]);
    expect(ambiguous('人数')).to.equal(undefined);
    expect(ambiguous('b')).to.equal('b');
  });
});
