import { expect } from 'chai';
import { readNumber } from '../../server/intake/read-number.js';

describe('readNumber', () => {
  it('treats an empty or blank cell as missing, not zero', () => {
    expect([null, '', '   ', undefined].map(readNumber)).to.deep.equal(Array(4).fill({ kind: 'empty' }));
  });

  it('reads plain decimals, signs, exponents and full-width digits', () => {
    const values = [' 12.5 ', '-3', '+4', '.5', '1e3', '１２３', 7].map((cell) => {
      const read = readNumber(cell);
      return read.kind === 'number' ? read.value : read.kind;
    });
    expect(values).to.deep.equal([12.5, -3, 4, 0.5, 1000, 123, 7]);
  });

  it('reports formula-looking text as such, never evaluating it', () => {
    for (const text of ['=SUM(A1:A3)', '+cmd|calc', '-2+3', '@SUM(1)']) {
      expect(readNumber(text)).to.deep.equal({ kind: 'invalid', reason: 'formula_text' });
    }
  });

  it('refuses thousands separators, decimal commas and words', () => {
    for (const text of ['1,234', '3,5', 'NA', '十二', '12%']) {
      expect(readNumber(text)).to.deep.equal({ kind: 'invalid', reason: 'not_a_number' });
    }
  });

  it('takes the cached result of an XLSX formula, and refuses one without a number', () => {
    expect(readNumber({ formula: 'A1*2', result: 8 })).to.deep.equal({
      kind: 'number',
      value: 8,
      fromFormula: true,
    });
    expect(readNumber({ formula: 'A1*2', result: null })).to.deep.equal({
      kind: 'invalid',
      reason: 'formula_cell',
    });
  });

  it('refuses numbers too large to be finite', () => {
    expect(readNumber('1e400')).to.deep.equal({ kind: 'invalid', reason: 'not_a_number' });
  });
});
