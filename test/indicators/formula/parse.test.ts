import { expect } from 'chai';
import { compileFormula, FormulaError } from '../../../server/indicators/formula/compile.js';

function compileError(source: string): FormulaError {
  try {
    compileFormula(source);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`"${source}" compiled`);
}

describe('formula parsing', () => {
  it('names the column of a syntax error', () => {
    const error = compileError('a + ');
    expect(error.message).to.match(/^Expected expression after \+ \(column \d+\)$/);
    expect(error.position).to.equal(4);
  });

  it('says where an operator is missing between two values', () => {
    const error = compileError('a b');
    expect(error.reason).to.equal('an operator is missing between two values');
    expect(error.column).to.equal(3);
  });

  it('refuses unknown functions', () => {
    const error = compileError('2 * foo(a)');
    expect(error.reason).to.equal('unknown function "foo"');
    expect(error.column).to.equal(5);
  });

  it('refuses a function name used as a variable', () => {
    expect(compileError('log + 1').reason).to.equal('"log" is a function: call it as log(x)');
  });

  it('checks the number of arguments', () => {
    expect(compileError('clamp(a, 1)').reason).to.equal('clamp takes clamp(x, lo, hi), not 2 arguments');
    expect(compileError('min(a)').reason).to.equal('min takes min(a, b, …), not 1 argument');
    expect(compileError('round(a, 1, 2)').reason).to.equal(
      'round takes round(x) or round(x, digits), not 3 arguments',
    );
  });

  it('refuses property access, calls on values, text, arrays and this', () => {
    expect(compileError('a.b').reason).to.equal('property access is not allowed in a formula');
    expect(compileError('a[0]').reason).to.equal('property access is not allowed in a formula');
    expect(compileError('a(1)').reason).to.equal('unknown function "a"');
    expect(compileError('"text"').reason).to.equal('only numbers are allowed, not text');
    expect(compileError('[1, 2]').reason).to.equal('an array is not allowed in a formula');
    expect(compileError('this').reason).to.equal('"this" is not allowed in a formula');
  });

  it('refuses true, false and null: write 1 and 0', () => {
    expect(compileError('true').reason).to.equal(
      '"true" is not allowed: use numbers (true is 1, false is 0)',
    );
    expect(compileError('null + 1').reason).to.equal(
      '"null" is not allowed: use numbers (true is 1, false is 0)',
    );
  });

  it('refuses operators outside the language', () => {
    expect(compileError('a % b').reason).to.equal('Unexpected "%"');
    expect(compileError('a === b').column).to.equal(5);
    expect(compileError('a & b').reason).to.equal('Unexpected "&"');
    expect(compileError('a ** b').column).to.equal(4);
  });

  it('refuses a sign before a power, which spreadsheets and mathematics read differently', () => {
    expect(compileError('-a ^ 2').reason).to.equal(
      'a sign before a power is ambiguous: write -(a ^ b) or (-a) ^ b',
    );
    expect(compileError('2 * -a ^ 2').column).to.equal(5);
  });

  it('refuses comma lists and statements', () => {
    expect(compileError('(a, b)').reason).to.equal(
      'a comma list is only allowed between the arguments of a function',
    );
    expect(compileError('a; b').reason).to.equal('an operator is missing between two values');
  });

  it('refuses an empty formula and empty parentheses', () => {
    expect(compileError('').reason).to.equal('the formula is empty');
    expect(compileError('   ').reason).to.equal('the formula is empty');
    expect(compileError('()').reason).to.equal('empty parentheses');
  });

  it('refuses unclosed parentheses and a dangling conditional', () => {
    expect(compileError('(a + b').reason).to.equal('Unclosed (');
    expect(compileError('a ? b').reason).to.equal('Expected :');
  });

  it('refuses numbers too large for a double and names that are not variable names', () => {
    expect(compileError('1e400').reason).to.equal('the number 1e400 is too large');
    expect(compileError('$a').reason).to.equal('Unexpected "$"');
    expect(compileError('_a').reason).to.equal('"_a" is not a valid variable name (letters, digits, _)');
  });

  it('refuses formulas longer than 2000 characters', () => {
    expect(compileError(`a${' + a'.repeat(500)}`).reason).to.equal('longer than 2000 characters');
  });

  it('refuses nesting deeper than 100 levels', () => {
    expect(compileError(`${'('.repeat(150)}a${')'.repeat(150)}`).reason).to.equal(
      'nested deeper than 100 levels',
    );
  });

  it('accepts the whole language in one formula', () => {
    const formula = compileFormula(
      'h > 0 && !(x == 1) ? clamp(round(log(a) + sqrt(b) ^ 2, 1), 0, max(c, 10)) : abs(min(d, -e))',
    );
    expect(formula.variables).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'h', 'x']);
  });
});
