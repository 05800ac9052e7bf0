import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { checkEverything, runPipeline } from '../../server/engine/pipeline.js';
import { unitCodeIndex } from '../../server/engine/validate-input.js';
import type { ColumnFormula, EngineInput } from '../../server/engine/types.js';
import { smallInput } from './support/small-input.js';

const input = smallInput({
  units: ['a', 'b', 'c'],
  nodes: [
    { id: 'd1', weight: 1 },
    { id: 'd2', weight: 1 },
  ],
  indicators: [
    { id: 'x', parent: 'd1', values: [[1, 2, 3]] },
    { id: 'y', parent: 'd2', values: [[3, 1, 2]] },
  ],
});

/** The input with formulas that record whether any work was done. */
function watched(): { input: EngineInput; evaluated: () => number } {
  let calls = 0;
  const indicators = input.tree.indicators.map((i) => {
    const compute: ColumnFormula = {
      evaluateColumns(columns, length) {
        calls++;
        return i.compute.evaluateColumns(columns, length);
      },
    };
    return { ...i, compute };
  });
  return { input: { ...input, tree: { ...input.tree, indicators } }, evaluated: () => calls };
}

function problemsOf(run: () => unknown): { where?: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.details];
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validation before any work', () => {
  it('refuses an AHP matrix that is not reciprocal before computing anything', () => {
    const { input: watchedInput, evaluated } = watched();
    const problems = problemsOf(() =>
      runPipeline(watchedInput, {
        weighting: {
          method: 'ahp',
          matrix: [
            [1, 3],
            [0.5, 1],
          ],
        },
      }),
    );
    expect(problems[0]?.where).to.equal('methods.weighting.matrix');
    expect(problems[0]?.message).to.contain('not reciprocal');
    expect(evaluated()).to.equal(0);
  });

  it('refuses weights that sum to zero, saying which node', () => {
    const zero: EngineInput = {
      ...input,
      tree: { ...input.tree, nodes: input.tree.nodes.map((n) => ({ ...n, weight: 0 })) },
    };
    const problems = problemsOf(() => runPipeline(zero));
    expect(problems[0]?.message).to.contain('weights of its children (d1, d2) sum to zero');
  });

  it('refuses a geometric mean after min-max to [0, 100], suggesting [1, 100]', () => {
    const problems = problemsOf(() => runPipeline(input, { aggregation: { method: 'geometric' } }));
    expect(problems[0]?.where).to.equal('methods.aggregation');
    expect(problems[0]?.message).to.contain('range [1, 100]');
  });

  it('refuses entropy weights after z-scores', () => {
    const problems = problemsOf(() =>
      runPipeline(input, { normalisation: { method: 'zscore' }, weighting: { method: 'entropy' } }),
    );
    expect(problems[0]?.where).to.equal('methods.weighting');
  });

  it('refuses an unknown method, listing the known ones', () => {
    const problems = problemsOf(() => runPipeline(input, { normalisation: { method: 'softmax' } }));
    expect(problems[0]?.message).to.contain('unknown method "softmax"').and.contain('minmax, zscore');
  });

  it('refuses goalposts normalisation when an indicator has no goalposts', () => {
    const problems = problemsOf(() => runPipeline(input, { normalisation: { method: 'goalposts' } }));
    expect(problems.map((p) => p.where)).to.deep.equal([
      'tree.indicators.x.goalposts',
      'tree.indicators.y.goalposts',
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(() =>
      runPipeline(input, {
        normalisation: { method: 'minmax', range: [5, 1] },
        treatment: { method: 'winsorise_log', winmax: -1 },
        screening: { method: 'by_availability', threshold: 2 },
      }),
    );
    expect(problems).to.have.length(3);
  });

  it('refuses an unknown parent, a cycle and a dimension without children', () => {
    const broken: EngineInput = {
      ...input,
      tree: {
        root: 'index',
        nodes: [
          { id: 'p', parent: 'q', weight: 1 },
          { id: 'q', parent: 'p', weight: 1 },
          { id: 'empty', weight: 1 },
        ],
        indicators: input.tree.indicators.map((i, k) => ({ ...i, parent: k === 0 ? 'nowhere' : 'index' })),
      },
    };
    const messages = problemsOf(() => runPipeline(broken)).map((p) => p.message);
    expect(messages.some((m) => m.includes('unknown parent "nowhere"'))).to.equal(true);
    expect(messages.some((m) => m.startsWith('cycle'))).to.equal(true);
    expect(messages.some((m) => m.includes('has no indicators'))).to.equal(true);
  });

  it('refuses duplicate unit codes and columns of the wrong length', () => {
    const bad: EngineInput = {
      ...input,
      units: { codes: ['a', 'a', 'c'] },
      periods: [{ id: '2024', variables: new Map([['x', Float64Array.of(1, 2)]]) }],
    };
    const messages = problemsOf(() => runPipeline(bad)).map((p) => p.message);
    expect(messages).to.include('duplicate unit code');
    expect(messages).to.include('has 2 entries for 3 units');
  });

  it('checks an input with the index an evaluation made of its codes, the same map, not a second one', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    const large = (units: string[]): EngineInput =>
      smallInput({
        units,
        nodes: [{ id: 'd1', weight: 1 }],
        indicators: [{ id: 'x', parent: 'd1', values: [units.map((_, i) => i % 97)] }],
      });
    const index = unitCodeIndex(codes);
    expect(index.get('c12345')).to.equal(12_345);
    expect(checkEverything(large(codes), {}).frame.unitIndex).to.equal(index);
    expect(checkEverything(large([...codes]), {}).frame.unitIndex).to.not.equal(index);
  });

  it('still refuses a repeated code in codes an evaluation indexed first', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => `c${i % 19_999}`);
    expect(unitCodeIndex(codes).get('c0')).to.equal(0);
    const messages = problemsOf(() => runPipeline({ ...input, units: { codes } })).map((p) => p.message);
    expect(messages).to.include('duplicate unit code');
  });
});
