import { expect } from 'chai';
import { aggregateRow } from '../../../server/engine/diagnostics/improvements/aggregate-row.js';
import { descendingScores } from '../../../server/engine/diagnostics/improvements/descending-scores.js';
import { improvementOptions } from '../../../server/engine/diagnostics/improvements/improvement-options.js';
import { rankAfter } from '../../../server/engine/diagnostics/improvements/rank-after.js';
import { scoreTree } from '../../../server/engine/diagnostics/improvements/score-tree.js';

describe('engine diagnostics: aggregateRow', () => {
  it('takes the weighted arithmetic mean over the children present', () => {
    // weights 1 and 2 over 40 and 70: (40 + 140) / 3 = 60
    expect(aggregateRow([40, Number.NaN, 70], [1, 1, 2], 'arithmetic')).to.equal(60);
  });
  it('takes the weighted geometric mean', () => {
    expect(aggregateRow([4, 16], [1, 1], 'geometric')).to.be.closeTo(8, 1e-12);
  });
  it('takes the weighted harmonic mean', () => {
    // 2 / (1/2 + 1/6) = 3
    expect(aggregateRow([2, 6], [1, 1], 'harmonic')).to.be.closeTo(3, 1e-12);
  });
  it('is missing when no child is present', () => {
    expect(aggregateRow([Number.NaN], [1], 'arithmetic')).to.be.NaN;
  });
});

describe('engine diagnostics: scoreTree', () => {
  it('scores nodes bottom-up from the leaves', () => {
    const weights = {
      d: { children: ['a', 'b'], weights: [1, 3] },
      root: { children: ['d', 'c'], weights: [1, 1] },
    };
    const leaf = (id: string) => ({ a: 40, b: 80, c: 30 })[id] ?? Number.NaN;
    // d = (40 + 240) / 4 = 70; root = (70 + 30) / 2 = 50
    expect(scoreTree(weights, ['d', 'root'], leaf, 'arithmetic').get('root')).to.equal(50);
  });
});

describe('engine diagnostics: rankAfter', () => {
  it('counts the other scores above the new one', () => {
    // 90 and 80 stay above 75; the unit's own old 60 is not counted.
    expect(rankAfter(Float64Array.of(90, 80, 70, 60), 75, 60)).to.equal(3);
  });
  it('shares the rank of an equal score', () => {
    expect(rankAfter(Float64Array.of(90, 80, 70, 60), 80, 60)).to.equal(2);
  });
  it('discounts the unit itself when its old score lies above the new one', () => {
    expect(rankAfter(Float64Array.of(90, 80, 70), 75, 90)).to.equal(2);
  });
});

describe('engine diagnostics: descendingScores', () => {
  it('keeps the finite scores of the given rows, highest first', () => {
    expect(Array.from(descendingScores(Float64Array.of(60, Number.NaN, 90, 10), [0, 1, 2]))).to.deep.equal([
      90, 60,
    ]);
  });
});

describe('engine diagnostics: improvementOptions', () => {
  const base = {
    weights: { index: { children: ['a', 'b'], weights: [1, 1] } },
    order: ['index'],
    root: 'index',
    method: 'arithmetic',
    indicators: ['a', 'b'],
    normalised: (id: string) => ({ a: 40, b: 80 })[id] ?? Number.NaN,
    peerMedian: (id: string) => ({ a: 60, b: 70 })[id] ?? Number.NaN,
    score: 60,
    rank: 3,
    ranking: Float64Array.of(90, 65, 60, 50),
  };
  it('lifts an indicator below the peer median and re-ranks the unit', () => {
    // a: 40 → 60 makes the index (60 + 80) / 2 = 70, ahead of 65: rank 3 → 2
    expect(improvementOptions(base)).to.deep.equal([
      { indicator: 'a', from: 40, to: 60, scoreGain: 10, newScore: 70, newRank: 2, rankGain: 1 },
    ]);
  });
  it('orders the options by places gained, then by score gained', () => {
    const options = improvementOptions({
      ...base,
      normalised: (id: string) => ({ a: 40, b: 50 })[id] ?? Number.NaN,
      score: 45,
      peerMedian: () => 60,
      ranking: Float64Array.of(90, 52, 45),
    });
    // a → 60: (60 + 50) / 2 = 55 (+10, passes 52); b → 60: (40 + 60) / 2 = 50 (+5, passes none)
    expect(options.map((o) => [o.indicator, o.rankGain])).to.deep.equal([
      ['a', 1],
      ['b', 0],
    ]);
  });
  it('offers nothing for a unit without a score', () => {
    expect(improvementOptions({ ...base, score: Number.NaN })).to.deep.equal([]);
  });
});
