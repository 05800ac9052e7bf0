import { expect } from 'chai';
import { ValidationError } from '../../../../server/errors.js';
import { runPipeline } from '../../../../server/engine/pipeline.js';
import { rollUp } from '../../../../server/engine/rollup/roll-up.js';
import type { EngineInput } from '../../../../server/engine/types.js';
import { smallInput } from '../../support/small-input.js';

const communities = smallInput({
  units: ['c1', 'c2'],
  indicators: [{ id: 'x', parent: 'index', values: [[1, 2]] }],
});
const streets = smallInput({
  units: ['s1', 's2', 's3'],
  indicators: [{ id: 'x', parent: 'index', values: [[30, 10, 20]] }],
});

describe('roll-up: own_data', () => {
  it('scores the parents from their own records, among themselves', () => {
    const input: EngineInput = {
      ...communities,
      units: { ...communities.units, parents: ['s1', 's2'] },
      parentData: [{ units: streets.units, periods: streets.periods }],
    };
    const rollup = rollUp(input, runPipeline(input, { treatment: { method: 'none' } }), {
      method: 'own_data',
    });
    expect(rollup.levels[0]!.codes).to.deep.equal(['s1', 's2', 's3']);
    expect(Array.from(rollup.levels[0]!.scores.get('index')!)).to.deep.equal([100, 0, 50]);
  });

  it("is refused before any work without the parents' records", () => {
    const input: EngineInput = { ...communities, units: { ...communities.units, parents: ['s1', 's2'] } };
    const result = runPipeline(input);
    expect(() => rollUp(input, result, { method: 'own_data' })).to.throw(ValidationError, 'parentData');
  });
});
