import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { runPipeline } from '../../../server/engine/pipeline.js';
import { rollUp } from '../../../server/engine/rollup/roll-up.js';
import { unitLevels } from '../../../server/engine/rollup/levels.js';
import { smallInput } from '../support/small-input.js';

describe('rollUp', () => {
  it('finds the levels of the unit tree from parents and ancestors', () => {
    const levels = unitLevels({
      codes: ['c1', 'c2', 'c3'],
      parents: ['s1', 's2', 's1'],
      ancestors: new Map([
        ['s1', 'd'],
        ['s2', 'd'],
      ]),
    });
    expect(levels.map((l) => l.codes)).to.deep.equal([['s1', 's2'], ['d']]);
    expect(Array.from(levels[0]!.childParent)).to.deep.equal([0, 1, 0]);
  });

  it('refuses an unknown method, listing the known ones', () => {
    const input = smallInput({ units: ['a'], indicators: [{ id: 'x', parent: 'index', values: [[1]] }] });
    expect(() => rollUp(input, runPipeline(input), { method: 'median' })).to.throw(
      ValidationError,
      'population_weighted, pooled, own_data',
    );
  });

  it('refuses to roll up units without parents', () => {
    const input = smallInput({ units: ['a'], indicators: [{ id: 'x', parent: 'index', values: [[1]] }] });
    expect(() => rollUp(input, runPipeline(input))).to.throw(ValidationError, 'no parent units');
  });
});
