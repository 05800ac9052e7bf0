/**
 * Stored method choices read back for a new version: the engine's stages and settings only.
 */
import { expect } from 'chai';
import { storedChoices } from '../../server/evaluation/stored-choices.js';

describe('storedChoices', () => {
  it('keeps each stage with a method, the seed and rankIndicators', () => {
    expect(
      storedChoices({
        weighting: { method: 'ahp', matrix: [[1]] },
        rollup: { method: 'pooled' },
        seed: 3,
        rankIndicators: true,
      }),
    ).to.deep.equal({
      weighting: { method: 'ahp', matrix: [[1]] },
      rollup: { method: 'pooled' },
      seed: 3,
      rankIndicators: true,
    });
  });

  it('drops what is not a stage choice', () => {
    expect(
      storedChoices({
        weighting: 'entropy',
        aggregation: { range: [0, 1] },
        colour: { method: 'red' },
        seed: 'seven',
      }),
    ).to.deep.equal({});
  });

  it('reads anything but an object as no choices', () => {
    expect(storedChoices(null)).to.deep.equal({});
    expect(storedChoices([{ method: 'minmax' }])).to.deep.equal({});
  });
});
