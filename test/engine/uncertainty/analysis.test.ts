import { expect } from 'chai';
import { runPipeline } from '../../../server/engine/pipeline.js';
import { runUncertaintyInProcess } from '../../../server/engine/uncertainty/in-process.js';
import { quantileSorted } from '../../../server/engine/uncertainty/quantile.js';
import { replayReplication, type ReplicationRecord } from '../../../server/engine/uncertainty/record.js';
import { runRanks } from '../../../server/engine/uncertainty/result.js';
import { ValidationError } from '../../../server/errors.js';
import { panel, panelBase, threeUnits, threeUnitsBase } from './fixtures.js';

const everyFactor = {
  seed: 11,
  weights: { method: 'dirichlet', concentration: 8 },
  imputation: [
    { method: 'none' },
    { method: 'mean' },
    { method: 'group_mean', group: 'peer' },
    { method: 'last_period' },
  ],
  treatment: true,
  normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'rank' }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
};

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail('no error was thrown');
}

describe('uncertainty: Monte Carlo over the pipeline', () => {
  it('replays every replication to the same ranks with the full pipeline on the original input', () => {
    // Saltelli design, so the A, B and mixed AB runs are all replayed.
    const result = runUncertaintyInProcess(panel, panelBase, {
      ...everyFactor,
      replications: 6,
      sensitivity: true,
    });
    expect(result.runs).to.equal(6 * (5 + 2));
    for (const record of result.records) {
      const again = replayReplication(panel, panelBase, record);
      expect(Array.from(again.ranks.get('index')!), `replication ${record.index}`).to.deep.equal(
        Array.from(runRanks(result, record.index)),
      );
    }
  });

  it('replays exactly with data-driven weights and bounds per period too', () => {
    const base = { ...panelBase, periods: { method: 'per_period' }, weighting: { method: 'entropy' } };
    const result = runUncertaintyInProcess(panel, base, {
      seed: 4,
      replications: 8,
      imputation: everyFactor.imputation,
      normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'percentile_rank' }],
    });
    for (const record of result.records) {
      const again = replayReplication(panel, base, record);
      expect(Array.from(again.ranks.get('index')!), `replication ${record.index}`).to.deep.equal(
        Array.from(runRanks(result, record.index)),
      );
    }
  });

  it('records every replication as plain JSON that replays after a round trip', () => {
    const result = runUncertaintyInProcess(panel, panelBase, { ...everyFactor, replications: 5 });
    const record = result.records[3]!;
    const copy = JSON.parse(JSON.stringify(record)) as ReplicationRecord;
    expect(copy).to.deep.equal(record);
    expect(Object.keys(copy.choices).sort()).to.deep.equal([
      'aggregation',
      'imputation',
      'normalisation',
      'treatment',
      'weighting',
    ]);
    const again = replayReplication(panel, panelBase, copy);
    expect(Array.from(again.ranks.get('index')!)).to.deep.equal(Array.from(runRanks(result, 3)));
  });

  it('gives identical results for the same seed and different draws for another seed', () => {
    const settings = { ...everyFactor, replications: 8 };
    const first = runUncertaintyInProcess(panel, panelBase, settings);
    const second = runUncertaintyInProcess(panel, panelBase, settings);
    expect(second.records).to.deep.equal(first.records);
    expect(Buffer.from(second.ranks.buffer).equals(Buffer.from(first.ranks.buffer))).to.be.true;
    expect(Array.from(second.statistics.p95)).to.deep.equal(Array.from(first.statistics.p95));
    const other = runUncertaintyInProcess(panel, panelBase, { ...settings, seed: 12 });
    expect(other.records.map((r) => r.choices)).to.not.deep.equal(first.records.map((r) => r.choices));
  });

  it('keeps the first N runs when more replications are asked for with the same seed', () => {
    const few = runUncertaintyInProcess(panel, panelBase, { ...everyFactor, replications: 3 });
    const many = runUncertaintyInProcess(panel, panelBase, { ...everyFactor, replications: 9 });
    expect(many.records.slice(0, 3)).to.deep.equal(few.records);
  });

  it('reports the nominal ranks of the base run', () => {
    const result = runUncertaintyInProcess(panel, panelBase, { ...everyFactor, replications: 2 });
    expect(Array.from(result.nominal)).to.deep.equal(
      Array.from(runPipeline(panel, panelBase).ranks.get('index')!),
    );
  });

  it('gives rank intervals over the known rank set of a hand-worked case', () => {
    // Arithmetic: a 1, b 1, c 3; geometric: c 1, a 2, b 2 (fixtures.ts works it out).
    const result = runUncertaintyInProcess(threeUnits, threeUnitsBase, {
      replications: 40,
      seed: 3,
      top: 1,
      aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
    });
    for (const record of result.records) {
      const known = record.picks.aggregation === 0 ? [1, 1, 3] : [2, 2, 1];
      expect(Array.from(runRanks(result, record.index))).to.deep.equal(known);
    }
    const arithmetic = result.records.filter((r) => r.picks.aggregation === 0).length;
    const geometric = 40 - arithmetic;
    expect(arithmetic).to.be.within(10, 30); // both alternatives drawn
    const repeated = (value: number, count: number): number[] => Array<number>(count).fill(value);
    const sortedRanks = {
      a: Float64Array.from([...repeated(1, arithmetic), ...repeated(2, geometric)]),
      b: Float64Array.from([...repeated(1, arithmetic), ...repeated(2, geometric)]),
      c: Float64Array.from([...repeated(1, geometric), ...repeated(3, arithmetic)]),
    };
    (['a', 'b', 'c'] as const).forEach((unit, row) => {
      const sorted = sortedRanks[unit];
      expect(result.statistics.median[row], `${unit} median`).to.equal(quantileSorted(sorted, 0.5));
      expect(result.statistics.p5[row], `${unit} p5`).to.equal(quantileSorted(sorted, 0.05));
      expect(result.statistics.p95[row], `${unit} p95`).to.equal(quantileSorted(sorted, 0.95));
    });
    expect(result.statistics.topShare[0]).to.equal(arithmetic / 40); // a is first only when arithmetic
    expect(result.statistics.topShare[2]).to.equal(geometric / 40);
    expect([result.statistics.p5[2], result.statistics.p95[2]]).to.deep.equal([1, 3]);
  });

  it('lays out a Saltelli design: A, B, then each factor taken from B in turn', () => {
    const result = runUncertaintyInProcess(panel, panelBase, {
      seed: 5,
      replications: 4,
      sensitivity: true,
      normalisation: everyFactor.normalisation,
      aggregation: everyFactor.aggregation,
    });
    expect(result.records.map((r) => r.matrix)).to.deep.equal([
      ...Array<string>(4).fill('A'),
      ...Array<string>(4).fill('B'),
      ...Array<string>(8).fill('AB'),
    ]);
    expect(result.records.slice(8).map((r) => r.factor)).to.deep.equal([
      ...Array<string>(4).fill('normalisation'),
      ...Array<string>(4).fill('aggregation'),
    ]);
    const a = result.records.filter((r) => r.matrix === 'A');
    const b = result.records.filter((r) => r.matrix === 'B');
    for (const record of result.records.filter((r) => r.matrix === 'AB')) {
      const j = record.sample;
      const expected =
        record.factor === 'normalisation'
          ? { normalisation: b[j]!.picks.normalisation, aggregation: a[j]!.picks.aggregation }
          : { normalisation: a[j]!.picks.normalisation, aggregation: b[j]!.picks.aggregation };
      expect(record.picks).to.deep.equal(expected);
    }
  });

  it('gives a factor that changes nothing sensitivity indices of exactly 0', () => {
    // Two identical normalisations, as in COINr's own test of get_sensitivity.
    const result = runUncertaintyInProcess(panel, panelBase, {
      seed: 8,
      replications: 12,
      sensitivity: true,
      normalisation: [
        { method: 'minmax', range: [1, 100] },
        { method: 'minmax', range: [1, 100] },
      ],
      aggregation: everyFactor.aggregation,
      weights: { method: 'uniform', range: 0.5 },
    });
    const sensitivity = result.sensitivity!;
    for (const output of [sensitivity.rankShift, sensitivity.unitRanks]) {
      const normalisation = output.factors.find((f) => f.factor === 'normalisation')!;
      expect(normalisation.first).to.equal(0);
      expect(normalisation.total).to.equal(0);
      expect(output.variance).to.be.above(0);
    }
    const aggregation = sensitivity.unitRanks.factors.find((f) => f.factor === 'aggregation')!;
    expect(aggregation.total).to.be.above(0);
  });

  it('perturbs weights within the range around the framework weights', () => {
    const result = runUncertaintyInProcess(panel, panelBase, {
      seed: 2,
      replications: 30,
      weights: { method: 'uniform', range: 0.2 },
    });
    const base: Record<string, number> = { d1: 2, d2: 1, x: 1, y: 3, z: 1, w: 1 };
    for (const record of result.records) {
      const weights = record.choices.weighting?.weights as Record<string, number>;
      for (const [id, w] of Object.entries(base)) expect(weights[id]).to.be.within(0.8 * w, 1.2 * w);
    }
  });

  it('draws Dirichlet weights whose shares within each parent sum to 1', () => {
    const result = runUncertaintyInProcess(panel, panelBase, {
      seed: 2,
      replications: 10,
      weights: { method: 'dirichlet', concentration: 20, parents: ['d1'] },
    });
    for (const record of result.records) {
      const weights = record.choices.weighting?.weights as Record<string, number>;
      expect((weights.x ?? 0) + (weights.y ?? 0)).to.be.closeTo(1, 1e-12);
      expect([weights.d1, weights.d2, weights.z, weights.w]).to.deep.equal([2, 1, 1, 1]); // only d1 varies
    }
  });
});

describe('uncertainty: refusals before any work', () => {
  it('refuses a weights factor when the base run does not use the framework weights', () => {
    const error = errorOf(() =>
      runUncertaintyInProcess(
        panel,
        { ...panelBase, weighting: { method: 'equal' } },
        {
          replications: 5,
          weights: { method: 'uniform', range: 0.1 },
        },
      ),
    );
    expect(error.details[0]?.where).to.equal('uncertainty.weights');
    expect(error.message).to.contain('choose weighting "framework"');
  });

  it('refuses a parent that is not a node of the framework', () => {
    const error = errorOf(() =>
      runUncertaintyInProcess(panel, panelBase, {
        replications: 5,
        weights: { method: 'uniform', range: 0.1, parents: ['d9'] },
      }),
    );
    expect(error.details[0]?.message).to.equal('"d9" is not the root or a node of this framework');
  });

  it('refuses a combination of alternatives the pipeline would refuse, naming it', () => {
    const error = errorOf(() =>
      runUncertaintyInProcess(panel, panelBase, {
        replications: 5,
        normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'zscore' }],
        aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
      }),
    );
    expect(error.details).to.have.length(1);
    expect(error.details[0]?.where).to.equal('uncertainty (normalisation[1] + aggregation[1])');
    expect(error.details[0]?.message).to.contain('the geometric mean needs values above zero');
  });

  it('refuses a bad alternative parameter with the pipeline’s own message', () => {
    const error = errorOf(() =>
      runUncertaintyInProcess(panel, panelBase, {
        replications: 5,
        imputation: [{ method: 'group_mean', group: 'region' }],
      }),
    );
    expect(error.details[0]?.message).to.contain('no attribute "region"');
  });

  it('refuses bad settings before running the base evaluation', () => {
    const error = errorOf(() =>
      runUncertaintyInProcess(panel, { aggregation: { method: 'nope' } }, { replications: 0, weights: {} }),
    );
    expect(error.message).to.contain('uncertainty');
  });
});
