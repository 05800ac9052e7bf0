import { expect } from 'chai';
import { MissingCode } from '../../server/engine/missing-reasons.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import { plain } from './support/prepare.js';
import { smallInput } from './support/small-input.js';

const none = { method: 'none' };

describe('several periods', () => {
  const panel = smallInput({
    units: ['a', 'b'],
    periods: ['2023', '2024'],
    indicators: [
      {
        id: 'x',
        parent: 'index',
        values: [
          [0, 10],
          [5, 20],
        ],
      },
    ],
  });

  it('normalises each period on its own by default', () => {
    const result = runPipeline(panel, { treatment: none });
    expect(plain(result.normalised.values.get('x')!)).to.deep.equal([0, 100, 0, 100]);
  });

  it('normalises over all periods pooled when asked', () => {
    // min 0, max 20 over both years
    const result = runPipeline(panel, { treatment: none, periods: { method: 'pooled' } });
    expect(plain(result.normalised.values.get('x')!)).to.deep.equal([0, 50, 25, 100]);
  });

  it('ranks within each period', () => {
    const result = runPipeline(panel, { treatment: none, periods: { method: 'pooled' } });
    expect(Array.from(result.ranks.get('index')!)).to.deep.equal([2, 1, 2, 1]);
  });

  it('carries a value forward with last_period imputation', () => {
    const gappy = smallInput({
      units: ['a', 'b', 'c'],
      periods: ['2023', '2024'],
      indicators: [
        {
          id: 'x',
          parent: 'index',
          values: [
            [1, 2, 3],
            [null, 4, 6],
          ],
        },
      ],
    });
    const result = runPipeline(gappy, { treatment: none, imputation: { method: 'last_period' } });
    expect(plain(result.imputed.values.get('x')!)).to.deep.equal([1, 2, 3, 1, 4, 6]);
  });
});

describe('screening in the pipeline', () => {
  // unit c has one of three indicators: 33 % availability
  const sparse = smallInput({
    units: ['a', 'b', 'c'],
    indicators: [
      { id: 'x', parent: 'index', values: [[1, 2, 100]] },
      { id: 'y', parent: 'index', values: [[1, 2, null]] },
      { id: 'z', parent: 'index', values: [[1, 2, null]] },
    ],
    attributes: { peer: ['p', 'p', 'p'] },
  });

  it('drops a unit below the threshold from normalisation, scores and ranks', () => {
    const result = runPipeline(sparse, {
      treatment: none,
      screening: { method: 'by_availability', threshold: 0.5, action: 'drop' },
    });
    // without c, x spans 1..2
    expect(plain(result.normalised.values.get('x')!)).to.deep.equal([0, 100, null]);
    expect(result.normalised.reasons.get('x')![2]).to.equal(MissingCode.ScreenedOut);
    expect(result.scores.reasons.get('index')![2]).to.equal(MissingCode.ScreenedOut);
    expect(result.ranks.get('index')![2]).to.equal(0);
  });

  it('keeps a flagged unit in every stage', () => {
    const result = runPipeline(sparse, {
      treatment: none,
      screening: { method: 'by_availability', threshold: 0.5, action: 'flag' },
    });
    expect(result.ranks.get('index')![2]).to.equal(1);
  });

  it('screens after imputation when basis is "imputed", so an imputed unit is kept', () => {
    const result = runPipeline(sparse, {
      treatment: none,
      imputation: { method: 'group_mean', group: 'peer' },
      screening: { method: 'by_availability', threshold: 0.5, action: 'drop', basis: 'imputed' },
    });
    expect(result.ranks.get('index')![2]).to.not.equal(0);
    expect(result.imputed.values.get('y')![2]).to.equal(1.5);
  });
});
