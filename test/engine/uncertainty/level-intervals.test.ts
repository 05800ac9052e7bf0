import { expect } from 'chai';
import { runPipeline } from '../../../server/engine/pipeline.js';
import { rollUp } from '../../../server/engine/rollup/roll-up.js';
import type { EngineInput } from '../../../server/engine/types.js';
import { runUncertaintyInProcess } from '../../../server/engine/uncertainty/in-process.js';
import { levelRanker, rankDescending } from '../../../server/engine/uncertainty/level-ranks.js';
import { ranksTiesMin } from '../../../server/engine/numeric/rank.js';
import { replayReplication } from '../../../server/engine/uncertainty/record.js';
import { panel, panelBase } from './fixtures.js';
import { smallInput } from '../support/small-input.js';

const base = { treatment: { method: 'none' }, normalisation: { method: 'minmax', range: [1, 100] } } as const;

/** Four communities in two districts, 1,000 residents each. */
function twoDistricts(x: number[], y: number[]): EngineInput {
  const input = smallInput({
    units: ['a1', 'a2', 'b1', 'b2'],
    indicators: [
      { id: 'x', parent: 'index', values: [x] },
      { id: 'y', parent: 'index', values: [y] },
    ],
  });
  return {
    ...input,
    units: { ...input.units, parents: ['A', 'A', 'B', 'B'], population: Float64Array.of(1e3, 1e3, 1e3, 1e3) },
  };
}

/** The panel's ten units in three streets of two districts, with populations. */
const panelTree: EngineInput = {
  ...panel,
  units: {
    ...panel.units,
    parents: ['s1', 's1', 's1', 's2', 's2', 's2', 's3', 's3', 's3', 's3'],
    ancestors: new Map([
      ['s1', 'd1'],
      ['s2', 'd1'],
      ['s3', 'd2'],
    ]),
    population: Float64Array.of(800, 1200, 500, 3000, 900, 1100, 2000, 700, Number.NaN, 1500),
  },
};

describe('uncertainty: rank intervals of the levels above the units', () => {
  it('gives the district that is always ahead the interval [1, 1]', () => {
    // District A's communities beat B's on both indicators, so no weighting puts B first.
    const result = runUncertaintyInProcess(twoDistricts([9, 8, 2, 1], [9, 7, 3, 1]), base, {
      replications: 50,
      seed: 3,
      weights: { method: 'uniform', range: 0.5 },
    });
    const [districts] = result.levels;
    expect(districts?.codes).to.deep.equal(['A', 'B']);
    expect(Array.from(districts!.nominal)).to.deep.equal([1, 2]);
    expect(Array.from(districts!.statistics.p5)).to.deep.equal([1, 2]);
    expect(Array.from(districts!.statistics.p95)).to.deep.equal([1, 2]);
    expect(Array.from(districts!.statistics.median)).to.deep.equal([1, 2]);
    expect(Array.from(districts!.bands.band)).to.deep.equal([1, 2]);
  });

  it('gives two districts that swap places with the weights the interval [1, 2] and one band', () => {
    // A leads on x, B on y by the same margin: whichever indicator weighs more puts its district first.
    const result = runUncertaintyInProcess(twoDistricts([10, 10, 0, 0], [0, 0, 10, 10]), base, {
      replications: 200,
      seed: 5,
      weights: { method: 'uniform', range: 0.5 },
    });
    const [districts] = result.levels;
    expect(Array.from(districts!.statistics.p5)).to.deep.equal([1, 1]);
    expect(Array.from(districts!.statistics.p95)).to.deep.equal([2, 2]);
    expect(Array.from(districts!.bands.band)).to.deep.equal([1, 1]);
    expect(Array.from(districts!.bands.first)).to.deep.equal([1, 1]);
    expect(Array.from(districts!.bands.last)).to.deep.equal([1, 1]);
  });

  it('ranks every level of every run as rollUp ranks the same run replayed in full', () => {
    const geometricBase = { ...panelBase, normalisation: { method: 'minmax', range: [1, 100] } };
    const result = runUncertaintyInProcess(panelTree, geometricBase, {
      replications: 8,
      seed: 13,
      weights: { method: 'dirichlet', concentration: 8 },
      aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
    });
    expect(result.levels.map((l) => l.codes)).to.deep.equal([
      ['s1', 's2', 's3'],
      ['d1', 'd2'],
    ]);
    const levelRows = 3 * 2 + 2 * 2;
    for (const record of result.records) {
      const replayed = replayReplication(panelTree, geometricBase, record);
      const rolled = rollUp(panelTree, replayed, { method: 'population_weighted' });
      const expected = rolled.levels.flatMap((level) => Array.from(level.ranks.get('index')!));
      const got = Array.from(
        result.levelRanks.subarray(record.index * levelRows, (record.index + 1) * levelRows),
      );
      expect(got, `replication ${record.index}`).to.deep.equal(expected);
    }
  });

  it('takes the nominal level ranks from the base run as rollUp does', () => {
    const result = runUncertaintyInProcess(panelTree, panelBase, {
      replications: 2,
      seed: 1,
      weights: { method: 'uniform', range: 0.1 },
    });
    const rolled = rollUp(panelTree, runPipeline(panelTree, panelBase));
    result.levels.forEach((level, k) => {
      expect(Array.from(level.nominal)).to.deep.equal(Array.from(rolled.levels[k]!.ranks.get('index')!));
    });
  });

  it('ranks no level for a roll-up that scores parents on their own data', () => {
    expect(levelRanker(panelTree.units, 2, { method: 'pooled' })).to.equal(null);
    const result = runUncertaintyInProcess(
      panelTree,
      { ...panelBase, rollup: { method: 'pooled' } },
      { replications: 2, seed: 1, weights: { method: 'uniform', range: 0.1 } },
    );
    expect(result.levels).to.deep.equal([]);
    expect(result.levelRanks.length).to.equal(0);
  });

  it('leaves the units’ own ranks as they were without levels', () => {
    const settings = { replications: 6, seed: 4, weights: { method: 'uniform', range: 0.3 } };
    const withTree = runUncertaintyInProcess(panelTree, panelBase, settings);
    const without = runUncertaintyInProcess(panel, panelBase, settings);
    expect(Buffer.from(withTree.ranks.buffer).equals(Buffer.from(without.ranks.buffer))).to.equal(true);
  });
});

describe('uncertainty: ranking a level of a run', () => {
  it('ranks as ranksTiesMin does: largest first, ties share the smallest rank, NaN unranked', () => {
    expect(Array.from(rankDescending(Float64Array.of(5, 9, 5, Number.NaN, -0, 0)))).to.deep.equal([
      2, 1, 2, 0, 4, 4,
    ]);
  });

  it('agrees with ranksTiesMin on many values with ties and gaps', () => {
    let seed = 1;
    const next = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values = Float64Array.from({ length: 2000 }, () => {
      const u = next();
      return u < 0.05 ? Number.NaN : Math.round(u * 300) / 3;
    });
    expect(Array.from(rankDescending(values))).to.deep.equal(Array.from(ranksTiesMin(values, 'descending')));
  });
});
