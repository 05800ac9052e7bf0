import { expect } from 'chai';
import { compileFormula, type FormulaResult } from '../../../server/indicators/formula/compile.js';

function value(source: string, inputs: Record<string, number | null | undefined> = {}): number {
  const result = compileFormula(source).evaluate(inputs);
  if (!result.ok) throw new Error(`${source} was missing: ${result.reason}`);
  return result.value;
}

function missing(source: string, inputs: Record<string, number | null | undefined> = {}): string {
  const result: FormulaResult = compileFormula(source).evaluate(inputs);
  if (result.ok) throw new Error(`${source} gave ${result.value}, expected a missing value`);
  return result.reason;
}

describe('formula evaluation', () => {
  describe('arithmetic', () => {
    it('computes a share as a percentage: 150 of 300 households is 50', () => {
      expect(
        value('households_in_grids / households * 100', { households_in_grids: 150, households: 300 }),
      ).to.equal(50);
    });

    it('multiplies before adding: 2 + 3 * 4 = 14', () => {
      expect(value('2 + 3 * 4')).to.equal(14);
    });

    it('honours parentheses: (2 + 3) * 4 = 20', () => {
      expect(value('(2 + 3) * 4')).to.equal(20);
    });

    it('subtracts and divides left to right: 10 - 4 - 3 = 3 and 12 / 4 / 3 = 1', () => {
      expect(value('10 - 4 - 3')).to.equal(3);
      expect(value('12 / 4 / 3')).to.equal(1);
    });

    it('raises to a power before multiplying: 2 * 3 ^ 2 = 18', () => {
      expect(value('2 * 3 ^ 2')).to.equal(18);
    });

    it('groups powers from the right: 2 ^ 3 ^ 2 = 2 ^ 9 = 512', () => {
      expect(value('2 ^ 3 ^ 2')).to.equal(512);
    });

    it('negates with unary minus: -(2 ^ 2) = -4 and (-2) ^ 2 = 4', () => {
      expect(value('-(2 ^ 2)')).to.equal(-4);
      expect(value('(-2) ^ 2')).to.equal(4);
      expect(value('2 - -a', { a: 3 })).to.equal(5);
    });

    it('never returns negative zero', () => {
      const result = value('-a', { a: 0 });
      expect(Object.is(result, 0)).to.be.true;
    });
  });

  describe('comparisons and logic (true is 1, false is 0)', () => {
    it('compares numbers', () => {
      expect(value('3 > 2')).to.equal(1);
      expect(value('2 >= 3')).to.equal(0);
      expect(value('2 <= 2')).to.equal(1);
      expect(value('2 < 2')).to.equal(0);
      expect(value('2 == 2')).to.equal(1);
      expect(value('2 != 2')).to.equal(0);
    });

    it('combines with && and || and negates with !', () => {
      expect(value('1 && 0')).to.equal(0);
      expect(value('0 || 5')).to.equal(1);
      expect(value('!0')).to.equal(1);
      expect(value('!3')).to.equal(0);
    });

    it('short-circuits: 0 && a / 0 is 0 and 1 || a / 0 is 1, with no division by zero', () => {
      expect(value('0 && a / 0', { a: 1 })).to.equal(0);
      expect(value('1 || a / 0', { a: 1 })).to.equal(1);
    });

    it('evaluates only the branch a conditional takes', () => {
      const source = 'households > 0 ? visited / households * 100 : 0';
      expect(value(source, { households: 0, visited: 0 })).to.equal(0);
      expect(value(source, { households: 200, visited: 50 })).to.equal(25);
    });

    it('does not need the untaken branch to be present', () => {
      expect(value('h > 0 ? a / h : 0', { h: 0 })).to.equal(0);
    });
  });

  describe('functions', () => {
    it('min and max take any number of arguments', () => {
      expect(value('min(3, 1, 2)')).to.equal(1);
      expect(value('max(3, 1, 2)')).to.equal(3);
      expect(value('min(a / b * 100, 100)', { a: 70, b: 60 })).to.equal(100);
    });

    it('abs, sqrt, log and log10', () => {
      expect(value('abs(-2.5)')).to.equal(2.5);
      expect(value('sqrt(16)')).to.equal(4);
      expect(value('log(e)', { e: Math.E })).to.equal(1);
      expect(value('log10(1000)')).to.be.closeTo(3, 1e-15);
    });

    it('round goes half away from zero, like a spreadsheet', () => {
      expect(value('round(2.5)')).to.equal(3);
      expect(value('round(-2.5)')).to.equal(-3);
      expect(value('round(2.4)')).to.equal(2);
    });

    it('round with digits works in decimal: round(1.005, 2) = 1.01, round(1234.5678, -2) = 1200', () => {
      expect(value('round(1.005, 2)')).to.equal(1.01);
      expect(value('round(2.675, 2)')).to.equal(2.68);
      expect(value('round(1234.5678, 1)')).to.equal(1234.6);
      expect(value('round(1234.5678, -2)')).to.equal(1200);
    });

    it('clamp keeps a value within [lo, hi]', () => {
      expect(value('clamp(120, 0, 100)')).to.equal(100);
      expect(value('clamp(-5, 0, 100)')).to.equal(0);
      expect(value('clamp(42, 0, 100)')).to.equal(42);
    });
  });

  describe('missing values and their reasons', () => {
    it('an absent, null or NaN input is missing_input', () => {
      expect(missing('a / b', { b: 2 })).to.equal('missing_input');
      expect(missing('a / b', { a: null, b: 2 })).to.equal('missing_input');
      expect(missing('a / b', { a: Number.NaN, b: 2 })).to.equal('missing_input');
    });

    it('dividing by zero is division_by_zero, never Infinity', () => {
      expect(missing('a / b', { a: 1, b: 0 })).to.equal('division_by_zero');
      expect(missing('a / b', { a: 0, b: 0 })).to.equal('division_by_zero');
      expect(missing('a / 0', { a: 1 })).to.equal('division_by_zero');
    });

    it('reports the leftmost reason first: a missing numerator over zero is missing_input', () => {
      expect(missing('a / b', { b: 0 })).to.equal('missing_input');
    });

    it('log of zero or less and sqrt of a negative are domain_error', () => {
      expect(missing('log(x)', { x: 0 })).to.equal('domain_error');
      expect(missing('log(x)', { x: -1 })).to.equal('domain_error');
      expect(missing('log10(x)', { x: 0 })).to.equal('domain_error');
      expect(missing('sqrt(x)', { x: -4 })).to.equal('domain_error');
    });

    it('zero to a negative power divides by zero; a negative base to a fractional power is a domain error', () => {
      expect(missing('x ^ -1', { x: 0 })).to.equal('division_by_zero');
      expect(missing('x ^ (1 / 3)', { x: -8 })).to.equal('domain_error');
    });

    it('an overflow is not_finite', () => {
      expect(missing('10 ^ x', { x: 400 })).to.equal('not_finite');
      expect(missing('a * b', { a: 1e200, b: 1e200 })).to.equal('not_finite');
    });

    it('an infinite input is not_finite', () => {
      expect(missing('a + 1', { a: Number.POSITIVE_INFINITY })).to.equal('not_finite');
    });

    it('round with a fractional number of digits and clamp with lo > hi are domain errors', () => {
      expect(missing('round(1.2345, 2.5)')).to.equal('domain_error');
      expect(missing('clamp(5, 10, 0)')).to.equal('domain_error');
    });

    it('a missing input in the test of a conditional makes the result missing', () => {
      expect(missing('h > 0 ? 1 : 0', {})).to.equal('missing_input');
    });
  });

  it('lists the variables it reads, sorted and unique', () => {
    expect(compileFormula('b + a * b - min(c, a)').variables).to.deep.equal(['a', 'b', 'c']);
  });

  it('keeps its source text', () => {
    expect(compileFormula('a/b').source).to.equal('a/b');
  });
});
