import { expect } from 'chai';
import { runPipeline } from '../../../server/engine/pipeline.js';
import { diagnoseLevels } from '../../../server/engine/rollup/level-diagnostics.js';
import { rollUp } from '../../../server/engine/rollup/roll-up.js';
import type { EngineInput } from '../../../server/engine/types.js';
import { smallInput } from '../support/small-input.js';

/**
 * Four communities of 1,000 residents scoring 0, 20, 60 and 100 (one indicator x, min-max, thresholds
 * 80 / 50 / 20): c1, c2 in street s1, c3 in s2, c4 in s3; s1 and s2 in district d1, s3 in d2. The
 * streets score s1 = 10, s2 = 60, s3 = 100; the districts d1 = (2000·10 + 1000·60) / 3000 = 26.7,
 * d2 = 100. Streets s1 and s2 form peer group "a", s3 group "b".
 */
function input(): EngineInput {
  const base = smallInput({
    units: ['c1', 'c2', 'c3', 'c4'],
    indicators: [{ id: 'x', parent: 'index', values: [[0, 20, 60, 100]] }],
  });
  return {
    ...base,
    tree: {
      ...base.tree,
      indicators: base.tree.indicators.map((i) => ({
        ...i,
        thresholds: { green: 80, yellow: 50, orange: 20 },
      })),
    },
    units: {
      ...base.units,
      parents: ['s1', 's1', 's2', 's3'],
      ancestors: new Map([
        ['s1', 'd1'],
        ['s2', 'd1'],
        ['s3', 'd2'],
        ['d1', 'ct'],
        ['d2', 'ct'],
      ]),
      population: Float64Array.of(1000, 1000, 1000, 1000),
    },
  };
}

describe('roll-up: diagnostics of every level', () => {
  const data = input();
  const result = runPipeline(data, { treatment: { method: 'none' } });
  const rollup = rollUp(data, result);
  const peerLabels = new Map([
    ['s1', 'a'],
    ['s2', 'a'],
    ['s3', 'b'],
    ['d1', 'a'],
    ['d2', 'a'],
    ['ct', 'a'],
  ]);
  const [streets, districts] = diagnoseLevels(data, result, rollup, { peerGroup: 'peer_group', peerLabels });
  const column = (map: ReadonlyMap<string, ArrayLike<number>> | undefined, id: string) =>
    Array.from(map?.get(id) ?? []);

  it('gives each street its percentile among the streets', () => {
    // ranks s1 3, s2 2, s3 1 of three: 100 · (3 − rank) / 2
    expect(column(streets?.percentiles, 'index')).to.deep.equal([0, 50, 100]);
  });

  it('ranks each street within its district', () => {
    expect(column(streets?.parentRanks, 'index')).to.deep.equal([2, 1, 1]);
  });

  it('ranks each street within its peer group', () => {
    expect(column(streets?.peerRanks, 'index')).to.deep.equal([2, 1, 1]);
  });

  it('lights each street’s rolled-up indicator value by the thresholds', () => {
    // s1 10 → red (4), s2 60 → yellow (2), s3 100 → green (1)
    expect(column(streets?.lights, 'x')).to.deep.equal([4, 2, 1]);
  });

  it('diagnoses the districts as their own level', () => {
    expect(column(districts?.percentiles, 'index')).to.deep.equal([0, 100]);
    expect(column(districts?.parentRanks, 'index')).to.deep.equal([2, 1]);
  });
});
