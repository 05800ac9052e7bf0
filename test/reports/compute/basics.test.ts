import { expect } from 'chai';
import { aggregateRow } from '../../../server/reports/compute/aggregate-row.js';
import { competitionRanks } from '../../../server/reports/compute/competition-ranks.js';
import { descendingScores } from '../../../server/reports/compute/descending-scores.js';
import { heatClass } from '../../../server/reports/format/heat-class.js';
import { histogram } from '../../../server/reports/compute/histogram.js';
import { median } from '../../../server/reports/compute/median.js';
import { rankAfter } from '../../../server/reports/compute/rank-after.js';
import { percentileWithin } from '../../../server/reports/compute/percentile-within.js';
import { rankWithin } from '../../../server/reports/compute/rank-within.js';
import { scoreChange } from '../../../server/reports/compute/score-change.js';

describe('reports: median', () => {
  it('takes the middle of an odd count and skips missing values', () => {
    expect(median([3, Number.NaN, 1, 2])).to.equal(2);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([10, 1, 3, 2])).to.equal(2.5);
  });
  it('is missing for no values', () => {
    expect(median([Number.NaN])).to.be.NaN;
  });
});

describe('reports: competitionRanks', () => {
  it('ranks the highest first, ties sharing the smaller rank, missing unranked', () => {
    expect(Array.from(competitionRanks([50, 70, 50, Number.NaN, 40]))).to.deep.equal([
      2,
      1,
      2,
      Number.NaN,
      4,
    ]);
  });
});

describe('reports: rankAfter', () => {
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

describe('reports: descendingScores', () => {
  it('keeps the finite scores of the given rows, highest first', () => {
    expect(Array.from(descendingScores(Float64Array.of(60, Number.NaN, 90, 10), [0, 1, 2]))).to.deep.equal([
      90, 60,
    ]);
  });
});

describe('reports: rankWithin', () => {
  it('ranks a unit among a group by score with the number ranked', () => {
    expect(rankWithin(Float64Array.of(50, 70, 50, Number.NaN), [0, 1, 2, 3], 2)).to.deep.equal({
      rank: 2,
      total: 3,
    });
  });
  it('gives no rank to a unit without a score', () => {
    expect(rankWithin(Float64Array.of(50, Number.NaN), [0, 1], 1)).to.equal(null);
  });
});

describe('reports: percentileWithin', () => {
  it('gives the share of the others scoring at or below the unit', () => {
    // others 40, 60, 80: two of three at or below 60
    expect(percentileWithin(Float64Array.of(40, 60, 60, 80), [0, 1, 2, 3], 1)).to.be.closeTo(200 / 3, 1e-9);
  });
  it('is missing for a unit without a score', () => {
    expect(percentileWithin(Float64Array.of(Number.NaN, 60), [0, 1], 0)).to.be.NaN;
  });
});

describe('reports: scoreChange', () => {
  it('calls a rise of at least one point up', () => {
    const change = scoreChange(61.2, 58.4);
    expect(change?.direction).to.equal('up');
    expect(change?.delta).to.be.closeTo(2.8, 1e-9);
  });
  it('calls a change under one point level', () => {
    expect(scoreChange(50.5, 50)?.direction).to.equal('level');
  });
  it('calls a fall of at least one point down', () => {
    expect(scoreChange(40, 41)?.direction).to.equal('down');
  });
  it('has no change without the previous value', () => {
    expect(scoreChange(40, Number.NaN)).to.equal(null);
  });
});

describe('reports: histogram', () => {
  it('counts 0–100 scores in ten 10-point bins, the last one closed', () => {
    expect(histogram([5, 15, 15, 100]).map((b) => b.count)).to.deep.equal([1, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
  it('spans the data when scores leave the 0–100 scale', () => {
    const bins = histogram([-1, 1], 2);
    expect(bins).to.deep.equal([
      { from: -1, to: 0, count: 1 },
      { from: 0, to: 1, count: 1 },
    ]);
  });
  it('has no bins without scores', () => {
    expect(histogram([Number.NaN])).to.deep.equal([]);
  });
});

describe('reports: heatClass', () => {
  it('shades by tens of points, 100 in the darkest shade', () => {
    expect([heatClass(0), heatClass(57), heatClass(100)]).to.deep.equal([0, 5, 9]);
  });
  it('has no shade for a missing score', () => {
    expect(heatClass(Number.NaN)).to.equal(null);
  });
});

describe('reports: aggregateRow', () => {
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
