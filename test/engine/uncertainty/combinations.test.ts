import { expect } from 'chai';
import fc from 'fast-check';
import { prepareChoices } from '../../../server/engine/choices.js';
import { arithmeticMean } from '../../../server/engine/methods/aggregation/arithmetic.js';
import { runPipeline } from '../../../server/engine/pipeline.js';
import { byCombination, combinationKey, logColumn } from '../../../server/engine/uncertainty/combinations.js';
import { prepareUncertainty } from '../../../server/engine/uncertainty/prepare.js';
import { replicationChoices } from '../../../server/engine/uncertainty/record.js';
import { ReplicationRunner } from '../../../server/engine/uncertainty/runner.js';
import { weightedRows } from '../../../server/engine/uncertainty/weighted-rows.js';
import { panel, panelBase, threeUnits } from './fixtures.js';

/** Every discrete factor varies, with three aggregations (harmonic takes the aggregate stage itself). */
const everyFactor = {
  seed: 23,
  replications: 120,
  weights: { method: 'dirichlet', concentration: 8 },
  imputation: [
    { method: 'none' },
    { method: 'mean' },
    { method: 'group_mean', group: 'peer' },
    { method: 'last_period' },
  ],
  treatment: true,
  normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'rank' }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }, { method: 'harmonic' }],
};

const bits = (column: Float64Array): string =>
  Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('hex');

describe('uncertainty: the columns each combination of picks shares', () => {
  const prepared = prepareUncertainty(panel, panelBase, everyFactor);

  it('draws a design that meets every imputation × treatment × normalisation and every aggregation', () => {
    const combinations = new Set(prepared.records.map((r) => combinationKey(prepared.payload, r)));
    expect(combinations.size).to.equal(4 * 2 * 2);
    expect(new Set(prepared.records.map((r) => r.picks.aggregation))).to.have.lengthOf(3);
    expect(prepared.payload.combinations).to.have.lengthOf(16);
  });

  it('scores every replication bit for bit as the full pipeline does on the original input', () => {
    const shared = new ReplicationRunner(prepared.payload);
    // Without the columns made beforehand and with room for one combination: made again on each change.
    const unshared = new ReplicationRunner({ ...prepared.payload, combinations: [] }, 1);
    for (const record of prepared.records) {
      const full = runPipeline(panel, replicationChoices(panelBase, record)).scores.values.get('index')!;
      const label = `replication ${record.index} (${JSON.stringify(record.picks)})`;
      expect(bits(shared.rootScores(record).scores), label).to.equal(bits(full));
      expect(bits(unshared.rootScores(record).scores), label).to.equal(bits(full));
    }
    expect(shared.cachedCombinations).to.equal(16);
    expect(unshared.cachedCombinations).to.equal(1);
  });

  it('visits each combination’s runs together, in their order, each run once', () => {
    const ordered = byCombination(prepared.payload, prepared.records);
    expect(ordered.map((r) => r.index).sort((a, b) => a - b)).to.deep.equal(
      prepared.records.map((r) => r.index),
    );
    const keys = ordered.map((r) => combinationKey(prepared.payload, r));
    const changes = keys.filter((key, i) => i === 0 || key !== keys[i - 1]).length;
    expect(changes).to.equal(16);
    for (let i = 1; i < ordered.length; i++) {
      if (keys[i] === keys[i - 1]) expect(ordered[i]!.index).to.be.greaterThan(ordered[i - 1]!.index);
    }
  });
});

describe('uncertainty: weighted means row by row', () => {
  it('works the arithmetic mean of the children present by hand', () => {
    // [40, NaN, 70] with weights [1, 1, 2]: (40 + 140) / 3 = 60; a row with no child stays missing.
    const out = new Float64Array(2);
    weightedRows(
      [
        Float64Array.of(40, Number.NaN),
        Float64Array.of(Number.NaN, Number.NaN),
        Float64Array.of(70, Number.NaN),
      ],
      Float64Array.of(1, 1, 2),
      out,
      false,
    );
    expect(out[0]).to.equal(60);
    expect(out[1]).to.be.NaN;
  });

  it('works the geometric mean from logarithms by hand', () => {
    // [4, 16] with weights [1, 1] → 8; [1, 100] with weights [1, 3] → 100^(3/4) ≈ 31.62.
    const out = new Float64Array(2);
    weightedRows(
      [logColumn(Float64Array.of(4, 1))!, logColumn(Float64Array.of(16, 100))!],
      Float64Array.of(1, 1),
      out.subarray(0, 1),
      true,
    );
    weightedRows(
      [logColumn(Float64Array.of(1))!, logColumn(Float64Array.of(100))!],
      Float64Array.of(1, 3),
      out.subarray(1, 2),
      true,
    );
    expect(out[0]).to.be.closeTo(8, 1e-12);
    expect(out[1]).to.be.closeTo(31.6227766017, 1e-9);
  });

  it('gives no logarithms for a column with a value ≤ 0, which the geometric mean refuses', () => {
    expect(logColumn(Float64Array.of(3, Number.NaN, 0))).to.equal(null);
    expect(Array.from(logColumn(Float64Array.of(1, Number.NaN))!)).to.deep.equal([0, Number.NaN]);
  });

  it('gives the doubles of the aggregation methods themselves, gaps and all', () => {
    const geometric = prepareChoices(threeUnits, { aggregation: { method: 'geometric' } }, []).aggregation;
    const context = { node: 'n', children: [], period: 'p', unitCode: () => 'u' };
    const cell = fc.oneof(
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 5, arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }) },
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((k) =>
            fc.tuple(
              fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
              fc.array(fc.array(cell, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 30 }),
            ),
          ),
        ([weights, rows]) => {
          const k = weights.length;
          const children = Array.from({ length: k }, (_, j) => Float64Array.from(rows, (row) => row[j]!));
          const w = Float64Array.from(weights);
          const expectedArithmetic = new Float64Array(rows.length);
          arithmeticMean(children, w, expectedArithmetic);
          const expectedGeometric = new Float64Array(rows.length);
          geometric.run(children, w, expectedGeometric, new Uint8Array(rows.length), context);
          const arithmetic = new Float64Array(rows.length);
          weightedRows(children, w, arithmetic, false);
          const logs = children.map((c) => logColumn(c)!);
          const geometricOut = new Float64Array(rows.length);
          weightedRows(logs, w, geometricOut, true);
          expect(bits(arithmetic)).to.equal(bits(expectedArithmetic));
          expect(bits(geometricOut)).to.equal(bits(expectedGeometric));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});
