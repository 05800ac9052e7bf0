import { expect } from 'chai';
import { arithmetic } from '../../../server/engine/methods/aggregation/arithmetic.js';
import type { AggregationContext } from '../../../server/engine/methods/aggregation/contract.js';
import { geometric } from '../../../server/engine/methods/aggregation/geometric.js';
import { presentWeightTotals } from '../../../server/engine/methods/aggregation/present-weights.js';
import { CellFlag } from '../../../server/engine/flags.js';
import { planWinsorisation } from '../../../server/engine/methods/treatment/winsorise-plan.js';
import { clamp, winsoriseLog } from '../../../server/engine/methods/treatment/winsorise_log.js';
import { sortedKeys } from '../../../server/engine/numeric/rank.js';
import { WeightedSums } from '../../../server/engine/numeric/weighted-sums.js';
import { prepared } from '../support/prepare.js';

// The engine's one-pass routes against the stage-by-stage arithmetic they replaced (written out here
// column by column with the same building blocks): the doubles must be the same, bit for bit.

function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Children with gaps (10 %), ties (values on a coarse grid) and a row with no child at all. */
function children(count: number, rows: number, seed: number): Float64Array[] {
  const next = generator(seed);
  return Array.from({ length: count }, () => {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++)
      column[i] = next() < 0.1 || i === 7 ? Number.NaN : 1 + Math.round(next() * 40) / 4;
    return column;
  });
}

const bits = (x: Float64Array): string => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');

const context: AggregationContext = {
  node: 'pillar',
  children: ['a', 'b', 'c', 'd', 'e'],
  period: '2024',
  unitCode: (row) => `u${row}`,
};

describe('one-pass routes give the stage-by-stage doubles', () => {
  const weights = Float64Array.of(0.1, 0.3, 1 / 3, 0.7, 2);
  const columns = children(5, 2000, 5);

  it('arithmetic mean: compensated sums row by row = weight totals, then weighted sums, column by column', () => {
    const totals = presentWeightTotals(columns, weights);
    const sums = new WeightedSums(2000);
    columns.forEach((column, j) => {
      for (let i = 0; i < 2000; i++) if (column[i] === column[i]) sums.add(i, weights[j]!, column[i]!);
    });
    const expected = new Float64Array(2000);
    for (let i = 0; i < 2000; i++) expected[i] = totals[i]! > 0 ? sums.value(i) / totals[i]! : Number.NaN;
    const output = new Float64Array(2000);
    prepared(arithmetic).run(columns, weights, output, new Uint8Array(2000), context);
    expect(bits(output)).to.equal(bits(expected));
    expect(output[7]).to.be.NaN;
  });

  it('geometric mean: the same, with logs and exp', () => {
    const totals = presentWeightTotals(columns, weights);
    const logs = new WeightedSums(2000);
    columns.forEach((column, j) => {
      for (let i = 0; i < 2000; i++)
        if (column[i] === column[i]) logs.add(i, weights[j]!, Math.log(column[i]!));
    });
    const expected = new Float64Array(2000);
    for (let i = 0; i < 2000; i++)
      expected[i] = totals[i]! > 0 ? Math.exp(logs.value(i) / totals[i]!) : Number.NaN;
    const output = new Float64Array(2000);
    prepared(geometric).run(columns, weights, output, new Uint8Array(2000), context);
    expect(bits(output)).to.equal(bits(expected));
  });

  it('geometric mean: a value ≤ 0 is reported where the column-by-column pass met it first', () => {
    const bad = [Float64Array.of(1, 2, 3, 4, 5, -1), Float64Array.of(0, 2, 3, 4, 5, 6)];
    // Row by row, child b's 0 in row 0 comes first; child by child, child a's -1 in row 5 does.
    expect(() => {
      prepared(geometric).run(bad, Float64Array.of(1, 1), new Float64Array(6), new Uint8Array(6), context);
    })
      .to.throw()
      .with.property('message')
      .that.includes('u5');
  });

  const referenceOrder = (values: Float64Array): number[] =>
    Array.from(values.keys())
      .filter((i) => values[i] === values[i])
      .sort((a, b) => values[a]! + 0 - (values[b]! + 0) || a - b);

  for (const [label, n] of [
    ['short columns (8-bit digits)', 3000],
    ['long columns (16-bit digits)', 70_000],
  ] as const) {
    it(`rank order, ${label}: high word then low word = all 64 bits, ties in row order`, () => {
      const next = generator(n);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const u = next();
        // Coarse values (equal doubles), values a few ulps apart (one high word, many low words:
        // long runs), negatives, both zeros and gaps.
        values[i] =
          u < 0.05
            ? Number.NaN
            : u < 0.1
              ? i % 2 === 0
                ? 0
                : -0
              : u < 0.4
                ? 50 + (i % 97) * Number.EPSILON * 32
                : u < 0.7
                  ? Math.round(next() * 20) - 10
                  : next() * 1e6 - 5e5;
      }
      expect(Array.from(sortedKeys(values).rows)).to.deep.equal(referenceOrder(values));
    });
  }

  it('winsorisation: clamped values and their flags in one pass = clamp, then flags by comparison', () => {
    const next = generator(9);
    const x = new Float64Array(5000);
    for (let i = 0; i < 5000; i++) x[i] = next() < 0.02 ? Number.NaN : Math.exp(3 * next() ** 4);
    x[10] = 400;
    x[11] = 390;
    x[12] = -50;
    const params = { skew: 2, kurtosis: 3.5, winmax: 5 };
    const plan = planWinsorisation(x, params);
    expect(plan).to.not.equal(undefined);
    const outcome = winsoriseLog(x, params);
    expect(outcome.result).to.equal('winsorised');
    const expected = clamp(x, plan!);
    expect(bits(outcome.values)).to.equal(bits(expected));
    const flags = Array.from(x, (v, i) =>
      expected[i]! < v ? CellFlag.WinsorisedHigh : expected[i]! > v ? CellFlag.WinsorisedLow : 0,
    );
    expect(Array.from(outcome.flags!)).to.deep.equal(flags);
    expect(flags.filter((f) => f !== 0).length).to.be.greaterThan(0);
  });
});
