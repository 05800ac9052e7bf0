import { expect } from 'chai';
import { MissingCode } from '../../../server/engine/missing-reasons.js';
import { compileFormula } from '../../../server/indicators/formula/compile.js';

function columns(entries: Record<string, number[]>): Map<string, Float64Array> {
  return new Map(Object.entries(entries).map(([name, values]) => [name, Float64Array.from(values)]));
}

describe('formula evaluation over columns', () => {
  it('computes every row and marks each missing row with its reason', () => {
    const formula = compileFormula('resolved / received * 100');
    const { values, reasons } = formula.evaluateColumns(
      columns({ resolved: [57, 0, Number.NaN, 3], received: [60, 0, 10, Number.NaN] }),
      4,
    );
    expect(values[0]).to.equal(95);
    expect([...reasons]).to.deep.equal([
      MissingCode.Ok,
      MissingCode.DivisionByZero,
      MissingCode.MissingInput,
      MissingCode.MissingInput,
    ]);
    expect(Number.isNaN(values[1])).to.be.true;
    expect(Number.isNaN(values[2])).to.be.true;
    expect(Number.isNaN(values[3])).to.be.true;
  });

  it('evaluates only the branch each row takes', () => {
    const { values, reasons } = compileFormula('h > 0 ? a / h : 0').evaluateColumns(
      columns({ h: [0, 4], a: [1, 2] }),
      2,
    );
    expect([...values]).to.deep.equal([0, 0.5]);
    expect([...reasons]).to.deep.equal([0, 0]);
  });

  it('treats a variable without a column as missing on every row', () => {
    const { reasons } = compileFormula('a + b').evaluateColumns(columns({ a: [1, 2] }), 2);
    expect([...reasons]).to.deep.equal([MissingCode.MissingInput, MissingCode.MissingInput]);
  });

  it('reads only the first `length` rows', () => {
    const { values } = compileFormula('a * 2').evaluateColumns(columns({ a: [1, 2, 3] }), 2);
    expect([...values]).to.deep.equal([2, 4]);
  });

  it('refuses a column shorter than the length', () => {
    expect(() => compileFormula('a').evaluateColumns(columns({ a: [1] }), 2)).to.throw(
      RangeError,
      /fewer than 2/,
    );
  });

  it('agrees with record evaluation on a constant formula', () => {
    const { values } = compileFormula('round(10 / 4, 0) + 1').evaluateColumns(new Map(), 3);
    expect([...values]).to.deep.equal([4, 4, 4]);
  });

  it('gives every row the reason of a constant that is itself missing', () => {
    const { reasons } = compileFormula('1 / 0 + a').evaluateColumns(columns({ a: [1, 2] }), 2);
    expect([...reasons]).to.deep.equal([MissingCode.DivisionByZero, MissingCode.DivisionByZero]);
  });

  it('runs 600,000 rows of a share formula in well under a second', function () {
    this.timeout(10_000);
    const n = 600_000;
    const numerator = new Float64Array(n);
    const denominator = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      numerator[i] = i % 97;
      denominator[i] = (i % 89) + (i % 5 === 0 ? 0 : 100);
    }
    const formula = compileFormula('numerator / denominator * 100');
    const input = new Map([
      ['numerator', numerator],
      ['denominator', denominator],
    ]);
    formula.evaluateColumns(input, n);
    const started = performance.now();
    const { values } = formula.evaluateColumns(input, n);
    const elapsed = performance.now() - started;
    expect(values[1]).to.equal((1 / 101) * 100);
    expect(elapsed).to.be.below(200);
  });
});
