import { expect } from 'chai';
import { runPipeline } from '../../server/engine/pipeline.js';
import { unexplainedCells } from './support/invariants.js';
import { plain } from './support/prepare.js';
import { smallInput } from './support/small-input.js';

/** index ← d1 (x, y lower-is-better), d2 (z); four units, one missing x. */
const input = smallInput({
  units: ['a', 'b', 'c', 'd'],
  nodes: [
    { id: 'd1', weight: 1 },
    { id: 'd2', weight: 1 },
  ],
  indicators: [
    { id: 'x', parent: 'd1', values: [[1, 2, 3, null]] },
    { id: 'y', parent: 'd1', direction: -1, values: [[10, 20, 30, 40]] },
    { id: 'z', parent: 'd2', values: [[5, 5, 6, 100]] },
  ],
});

describe('runPipeline', () => {
  it('scores a small tree as worked out by hand', () => {
    // x → [0, 50, 100, –], y (↓) → [100, 66.67, 33.33, 0], z → (z - 5)/95·100 = [0, 0, 1.0526, 100]
    // d1 = mean(x, y) = [50, 58.33, 66.67, 0 (x missing: y alone)], d2 = z, index = mean(d1, d2)
    const result = runPipeline(input, { treatment: { method: 'none' } });
    const index = result.scores.values.get('index')!;
    expect(index[0]).to.be.closeTo(25, 1e-12);
    expect(index[1]).to.be.closeTo((175 / 3 + 0) / 2, 1e-12);
    expect(index[2]).to.be.closeTo((200 / 3 + 100 / 95) / 2, 1e-12);
    expect(index[3]).to.be.closeTo(50, 1e-12);
    expect(plain(result.scores.values.get('d1')!).map((v) => Math.round((v ?? 0) * 100) / 100)).to.deep.equal(
      [50, 58.33, 66.67, 0],
    );
  });

  it('ranks 1 = best within the period', () => {
    const result = runPipeline(input, { treatment: { method: 'none' } });
    expect(Array.from(result.ranks.get('index')!)).to.deep.equal([4, 3, 2, 1]);
  });

  it('lets tied scores share the smallest rank', () => {
    const tied = smallInput({
      units: ['a', 'b', 'c'],
      indicators: [{ id: 'x', parent: 'index', values: [[1, 3, 3]] }],
    });
    const result = runPipeline(tied, { treatment: { method: 'none' } });
    expect(Array.from(result.ranks.get('index')!)).to.deep.equal([3, 1, 1]);
  });

  it('ranks indicators too when asked', () => {
    const result = runPipeline(input, { treatment: { method: 'none' }, rankIndicators: true });
    expect(Array.from(result.ranks.get('x')!)).to.deep.equal([3, 2, 1, 0]);
  });

  it('records every choice with its defaults in the result and the log', () => {
    const result = runPipeline(input, { normalisation: { method: 'zscore' } });
    expect(result.choices.normalisation).to.deep.equal({ method: 'zscore', mean: 0, sd: 1 });
    expect(result.choices.treatment).to.deep.equal({
      method: 'winsorise_log',
      skew: 2,
      kurtosis: 3.5,
      winmax: 5,
    });
    const logged = result.log.find((e) => e.stage === 'choices');
    expect(logged?.data?.normalisation).to.deep.equal({ method: 'zscore', mean: 0, sd: 1 });
  });

  it('replays a run exactly from its resolved choices', () => {
    const first = runPipeline(input, { normalisation: { method: 'rank' } });
    const again = runPipeline(input, first.choices);
    expect(Array.from(again.scores.values.get('index')!)).to.deep.equal(
      Array.from(first.scores.values.get('index')!),
    );
  });

  it('regenerates with one choice changed', () => {
    const first = runPipeline(input);
    const variant = runPipeline(input, {
      ...first.choices,
      normalisation: { method: 'minmax', range: [1, 100] },
      aggregation: { method: 'geometric' },
    });
    expect(variant.choices.aggregation.method).to.equal('geometric');
    expect(variant.scores.values.get('index')![0]).to.not.equal(first.scores.values.get('index')![0]);
  });

  it('does not modify its input', () => {
    const before = Array.from(input.periods[0]!.variables.get('x')!);
    runPipeline(input, { imputation: { method: 'mean' } });
    expect(plain(input.periods[0]!.variables.get('x')!)).to.deep.equal(
      before.map((v) => (Number.isNaN(v) ? null : v)),
    );
  });

  it('explains every missing cell and produces no infinity', () => {
    expect(unexplainedCells(runPipeline(input))).to.deep.equal([]);
  });

  it('logs each stage in order', () => {
    const stages = [...new Set(runPipeline(input).log.map((e) => e.stage))];
    expect(stages).to.deep.equal([
      'input',
      'choices',
      'compute',
      'screening',
      'imputation',
      'treatment',
      'normalisation',
      'weighting',
      'aggregation',
      'rank',
    ]);
  });
});
