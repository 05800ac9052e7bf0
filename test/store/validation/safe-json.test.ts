import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { assertStorableJson } from '../../../server/store/validation/safe-json.js';

function problems(value: unknown): string[] {
  try {
    assertStorableJson(value, 'v');
  } catch (error) {
    if (error instanceof ValidationError) return error.details.map((d) => `${d.where ?? ''}: ${d.message}`);
    throw error;
  }
  return [];
}

describe('assertStorableJson', () => {
  it('accepts plain JSON, nested arrays and empty keys included', () => {
    const value = { a: [[1, 2], [3]], b: { '': null, c: 'x', d: true }, e: -0.5 };
    expect(assertStorableJson(value, 'v')).to.equal(value);
  });

  it('names what is not JSON: undefined, dates, functions, big integers', () => {
    expect(problems({ a: undefined, b: new Date(0), c: () => 1, d: 1n })).to.deep.equal([
      'v/a: undefined is not JSON',
      'v/b: a non-plain object is not JSON',
      'v/c: function is not JSON',
      'v/d: bigint is not JSON',
    ]);
  });

  it('escapes "/" and "~" in the paths it names', () => {
    expect(problems({ 'a/b': { '$x~': 1 } })).to.deep.equal(['v/a~1b/$x~0: keys may not start with "$"']);
  });

  it('refuses values nested deeper than 64 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 70; i += 1) deep = [deep];
    expect(problems(deep)).to.have.length(1);
    expect(problems(deep)[0]).to.match(/nested deeper than 64 levels$/);
  });

  it('stops listing after 20 problems', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k.${i}`, 1]));
    expect(problems(many)).to.have.length(20);
  });
});
