import { expect } from 'chai';
import fc from 'fast-check';
import { MISSING_REASONS } from '../../../server/engine/missing-reasons.js';
import { compileFormula, FormulaError } from '../../../server/indicators/formula/compile.js';

const VARIABLES = ['a', 'b', 'c'] as const;

/** Random well-formed formulas of the language, as text. */
const formulaText: fc.Arbitrary<string> = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...VARIABLES),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => `(${String(x)})`),
    fc.integer({ min: 0, max: 20 }).map(String),
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom('+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', '&&', '||'),
        tie('expression'),
      )
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('expression').map((x) => `(-(${x}))`),
    tie('expression').map((x) => `(!(${x}))`),
    fc
      .tuple(tie('expression'), tie('expression'), tie('expression'))
      .map(([t, a, b]) => `(${t} ? ${a} : ${b})`),
    fc
      .tuple(fc.constantFrom('abs', 'log', 'log10', 'sqrt', 'round'), tie('expression'))
      .map(([f, x]) => `${f}(${x})`),
    fc
      .tuple(fc.constantFrom('min', 'max'), fc.array(tie('expression'), { minLength: 2, maxLength: 4 }))
      .map(([f, xs]) => `${f}(${xs.join(', ')})`),
    fc
      .tuple(tie('expression'), tie('expression'), tie('expression'))
      .map(([x, lo, hi]) => `clamp(${x}, ${lo}, ${hi})`),
    fc.tuple(tie('expression'), fc.integer({ min: -3, max: 3 })).map(([x, d]) => `round(${x}, ${d})`),
  ),
})).expression;

const inputValue = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1, -1, Number.NaN, null, undefined, 1e308, -1e308, 5e-324),
);

const inputs = fc.record({ a: inputValue, b: inputValue, c: inputValue });

describe('formula properties', function () {
  this.timeout(60_000);

  it('random text either compiles or throws a FormulaError, never anything else', () => {
    const alphabet = fc.constantFrom(...'ab1 .,()[]+-*/^<>=!&|?:"\'$_eminaxlogsqrt'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 40 }), fc.string({ maxLength: 40 })),
        (text) => {
          try {
            compileFormula(text);
          } catch (error) {
            expect(error).to.be.instanceOf(FormulaError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every generated formula compiles', () => {
    fc.assert(
      fc.property(formulaText, (text) => {
        expect(() => compileFormula(text)).not.to.throw();
      }),
      { numRuns: 500 },
    );
  });

  it('never reports ok with NaN or Infinity, whatever the inputs', () => {
    fc.assert(
      fc.property(formulaText, inputs, (text, record) => {
        const result = compileFormula(text).evaluate(record);
        if (result.ok) expect(Number.isFinite(result.value), `${text} gave ${result.value}`).to.be.true;
        else expect(MISSING_REASONS).to.include(result.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same value and reason per row over columns as per record', () => {
    fc.assert(
      fc.property(formulaText, fc.array(inputs, { minLength: 1, maxLength: 8 }), (text, rows) => {
        const formula = compileFormula(text);
        const column = (name: (typeof VARIABLES)[number]): Float64Array =>
          Float64Array.from(rows, (row) => {
            const v = row[name];
            return typeof v === 'number' ? v : Number.NaN;
          });
        const columns = new Map(VARIABLES.map((name) => [name, column(name)]));
        const { values, reasons } = formula.evaluateColumns(columns, rows.length);
        rows.forEach((row, i) => {
          const single = formula.evaluate(row);
          if (single.ok) {
            expect(reasons[i], text).to.equal(0);
            expect(values[i], text).to.equal(single.value);
          } else {
            expect(MISSING_REASONS[reasons[i] ?? 0], text).to.equal(single.reason);
            expect(Number.isNaN(values[i]), text).to.be.true;
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});
