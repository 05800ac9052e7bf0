import { expect } from 'chai';
import { diagnose } from '../../../server/engine/diagnostics/diagnose.js';
import { runPipeline } from '../../../server/engine/pipeline.js';
import type { EngineInput } from '../../../server/engine/types.js';
import { ValidationError } from '../../../server/errors.js';
import { smallInput } from '../support/small-input.js';

/** Four communities in two streets, two periods; d1 (x, y) and d2 (z). */
function input(): EngineInput {
  const base = smallInput({
    units: ['c1', 'c2', 'c3', 'c4'],
    periods: ['2023', '2024'],
    nodes: [
      { id: 'd1', weight: 1 },
      { id: 'd2', weight: 1 },
    ],
    indicators: [
      {
        id: 'x',
        parent: 'd1',
        values: [
          [10, 20, 30, 40],
          [10, 25, 30, 40],
        ],
      },
      {
        id: 'y',
        parent: 'd1',
        values: [
          [40, 30, 20, 10],
          [40, 30, 20, 10],
        ],
      },
      {
        id: 'z',
        parent: 'd2',
        values: [
          [1, 2, 3, 4],
          [4, 3, 2, 1],
        ],
      },
    ],
    attributes: { kind: ['urban', 'rural', 'urban', 'rural'] },
  });
  return { ...base, units: { ...base.units, parents: ['s1', 's1', 's2', 's2'] } };
}

describe('diagnose', () => {
  const data = input();
  const result = runPipeline(data, { treatment: { method: 'none' } });

  it('ranks within the parent unit', () => {
    const d = diagnose(data, result);
    // 2023 index: x and y mirror each other, so d1 = 50 for all; d2 = z → index rises with z
    expect(Array.from(d.parentRanks?.get('index')?.subarray(0, 4) ?? [])).to.deep.equal([2, 1, 2, 1]);
  });

  it('ranks within the peer group when one is chosen', () => {
    const d = diagnose(data, result, { peerGroup: 'kind' });
    // urban: c1 (z 1), c3 (z 3); rural: c2 (z 2), c4 (z 4)
    expect(Array.from(d.peerRanks?.get('index')?.subarray(0, 4) ?? [])).to.deep.equal([2, 2, 1, 1]);
  });

  it('names the weakest leaf dimension', () => {
    const d = diagnose(data, result);
    expect(d.leafDimensions).to.deep.equal(['d1', 'd2']);
    // c1 in 2023: d1 = 50, d2 = 0 → d2
    expect(d.weakestDimension[0]).to.equal(1);
  });

  it('marks a score that fell as decreasing', () => {
    const d = diagnose(data, result);
    // z reverses in 2024: c4 drops from 100 to 0 on d2
    expect(d.trends.get('d2')?.[7]).to.equal(4);
  });

  it('refuses a peer group the units do not have', () => {
    expect(() => diagnose(data, result, { peerGroup: 'region' })).to.throw(
      ValidationError,
      'no attribute "region"',
    );
  });
});
