/**
 * Proof (issue 7), the formula parser's half: the property tests in test/indicators/formula check
 * that random text never crashes the parser; these add the "no hang" half with a time budget per
 * run, on the inputs that hurt recursive-descent parsers and closure builders most — text right at
 * the length and depth limits, long operator chains, many arguments, stacked unary operators and
 * conditionals, and random text over the language's own alphabet up to the length limit.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { compileFormula, FormulaError } from '../../server/indicators/formula/compile.js';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from '../../server/indicators/formula/parse.js';

/** One compile plus one evaluation may take this long; the real cost is well under a millisecond. */
const BUDGET_MS = 250;

function compilesOrRefusesInTime(text: string): void {
  const started = performance.now();
  try {
    const formula = compileFormula(text);
    const inputs = Object.fromEntries(formula.variables.map((name, i) => [name, i % 3 === 0 ? 0 : i]));
    const result = formula.evaluate(inputs);
    if (result.ok) expect(Number.isFinite(result.value)).to.equal(true);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(FormulaError);
  }
  expect(performance.now() - started, `${text.length} characters`).to.be.below(BUDGET_MS);
}

const operator = fc.constantFrom('+', '-', '*', '/', '^', '<', '<=', '==', '!=', '&&', '||');
const atom = fc.constantFrom('a', 'b', 'c', '1', '0', '2.5e3', '.5', 'max(a, b)', 'log(a)', '(a)');

/** Adversarial shapes, each sized up to (and a little past) the limits. */
const adversarial = fc.oneof(
  fc
    .integer({ min: 1, max: MAX_FORMULA_DEPTH + 5 })
    .map((depth) => `${'('.repeat(depth)}a${')'.repeat(depth)}`),
  fc.integer({ min: 1, max: MAX_FORMULA_DEPTH + 5 }).map((depth) => `${'-'.repeat(depth)}a`),
  fc.integer({ min: 1, max: MAX_FORMULA_DEPTH + 5 }).map((depth) => `${'!'.repeat(depth)}a`),
  fc.integer({ min: 1, max: 400 }).map((n) => Array.from({ length: n }, () => 'a').join(' ^ ')),
  fc
    .tuple(fc.array(fc.tuple(atom, operator), { maxLength: 300 }), atom)
    .map(([pairs, last]) => pairs.map(([a, op]) => `${a} ${op} `).join('') + last),
  fc.integer({ min: 1, max: 700 }).map((n) => `max(${Array.from({ length: n }, () => 'a').join(', ')})`),
  fc.integer({ min: 1, max: 120 }).map((n) => `${'a ? b : '.repeat(n)}c`),
  fc.integer({ min: 1, max: 60 }).map((n) => `${'min(a, '.repeat(n)}b${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 100 }).map((n) => `${'clamp('.repeat(n)}a${', 0, 1)'.repeat(n)}`),
  fc.integer({ min: 1, max: MAX_FORMULA_LENGTH + 50 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 1, max: MAX_FORMULA_LENGTH + 50 }).map((n) => `a${'_'.repeat(n)}`),
);

const languageText = fc.string({
  unit: fc.constantFrom(...'abc019 .,()+-*/^<>=!&|?:eminaxlogsqrtclamp'.split('')),
  minLength: 1000,
  maxLength: MAX_FORMULA_LENGTH + 20,
});

describe('formula parser: no hang', function () {
  this.timeout(60_000);

  it('compiles or refuses adversarial formulas at and past the limits, each within the budget', () => {
    fc.assert(fc.property(adversarial, compilesOrRefusesInTime), { numRuns: 600 });
  });

  it('compiles or refuses long random text over the formula alphabet, each within the budget', () => {
    fc.assert(fc.property(languageText, compilesOrRefusesInTime), { numRuns: 300 });
  });

  it('refuses text past the length limit and nesting past the depth limit with a FormulaError', () => {
    expect(() => compileFormula('a'.repeat(MAX_FORMULA_LENGTH + 1))).to.throw(
      FormulaError,
      /longer than 2000/,
    );
    const deep = `${'('.repeat(MAX_FORMULA_DEPTH + 1)}a${')'.repeat(MAX_FORMULA_DEPTH + 1)}`;
    expect(() => compileFormula(deep)).to.throw(FormulaError, /nested deeper than 100 levels/);
  });
});
