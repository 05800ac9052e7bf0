import { expect } from 'chai';
import { runPipeline } from '../../../../server/engine/pipeline.js';
import { rollUp } from '../../../../server/engine/rollup/roll-up.js';
import type { EngineInput } from '../../../../server/engine/types.js';
import { ratio } from '../../support/formulas.js';

/** Coverage = covered / households; four communities in two streets. */
const input: EngineInput = {
  units: { codes: ['c1', 'c2', 'c3', 'c4'], parents: ['s1', 's1', 's2', 's2'] },
  periods: [
    {
      id: '2024',
      variables: new Map([
        ['covered', Float64Array.of(90, 10, 30, 30)],
        ['households', Float64Array.of(100, 100, 100, 50)],
      ]),
    },
  ],
  variables: new Map([
    ['covered', { minimum: 0, integer: true }],
    ['households', { minimum: 0, integer: true }],
  ]),
  tree: {
    root: 'index',
    nodes: [],
    indicators: [
      {
        id: 'coverage',
        parent: 'index',
        weight: 1,
        direction: 1,
        inputs: ['covered', 'households'],
        compute: ratio('covered', 'households'),
      },
    ],
  },
};

describe('roll-up: pooled', () => {
  it('pools numerators and denominators instead of averaging rates', () => {
    // s1: (90 + 10) / (100 + 100) = 0.5; s2: (30 + 30) / (100 + 50) = 0.4, where the mean of the rates is 0.45
    const rollup = rollUp(input, runPipeline(input, { treatment: { method: 'none' } }), { method: 'pooled' });
    expect(Array.from(rollup.levels[0]!.raw!.get('coverage')!)).to.deep.equal([0.5, 0.4]);
  });

  it("scores the streets among themselves with the children's methods", () => {
    const rollup = rollUp(input, runPipeline(input, { treatment: { method: 'none' } }), { method: 'pooled' });
    expect(Array.from(rollup.levels[0]!.scores.get('index')!)).to.deep.equal([100, 0]);
  });
});
