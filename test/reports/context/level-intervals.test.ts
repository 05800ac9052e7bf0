import { expect } from 'chai';
import { compactResults } from '../../../server/reports/context/compact-results.js';
import { readResults } from '../../../server/reports/context/read-results.js';
import { monteCarlo, tinyResults } from '../tiny-context.js';

/** Two streets over the tiny results' two periods: rows S1, S2 (2024), S1, S2 (2025). */
const rollup = {
  method: 'population_weighted',
  levels: [
    { level: 1, codes: ['S1', 'S2'], scores: { index: [60, 50, 61, 49] }, ranks: { index: [1, 2, 1, 2] } },
  ],
};

const streets = {
  level: 1,
  codes: ['S1', 'S2'],
  median: [1, 2, 1, 2],
  p5: [1, 1, 1, 2],
  p95: [2, 2, 1, 2],
  band: [1, 1, 1, 2],
  bandFirst: [1, 1, 1, 2],
  bandLast: [2, 2, 1, 2],
};

const bands = { band: [1, 2, 1, 1, 2, 1], bandFirst: [1, 2, 1, 1, 2, 1], bandLast: [1, 3, 1, 1, 3, 1] };

const compact = (uncertainty: Record<string, unknown>) =>
  compactResults(readResults(tinyResults({ rollup, uncertainty })));

describe('reports: rank intervals of every level', () => {
  it('reads a roll-up level’s intervals and bands into that level', () => {
    const intervals = compact({ ...monteCarlo(200), ...bands, levels: [streets] }).levels[1]?.intervals;
    expect(Array.from(intervals?.p5 ?? [])).to.deep.equal([1, 1, 1, 2]);
    expect(Array.from(intervals?.bands?.last ?? [])).to.deep.equal([2, 2, 1, 2]);
    expect(intervals?.runs).to.equal(200);
  });

  it('reads the base units’ bands beside their intervals', () => {
    const results = compact({ ...monteCarlo(200), ...bands, levels: [streets] });
    expect(Array.from(results.levels[0]?.intervals?.bands?.last ?? [])).to.deep.equal(bands.bandLast);
    expect(results.intervals).to.equal(results.levels[0]?.intervals);
  });

  it('reads a document stored before bands and level intervals: the base units’ intervals alone', () => {
    const results = compact(monteCarlo(200));
    expect(results.levels[0]?.intervals?.p95[4]).to.equal(3);
    expect(results.levels[0]?.intervals?.bands).to.equal(null);
    expect(results.levels[1]?.intervals).to.equal(null);
  });

  it('ignores a level’s intervals whose units are not the roll-up level’s', () => {
    const other = { ...streets, codes: ['S2', 'S1'] };
    expect(compact({ ...monteCarlo(200), levels: [other] }).levels[1]?.intervals).to.equal(null);
  });

  it('refuses level intervals without their bands', () => {
    const withoutBand: Partial<typeof streets> = { ...streets };
    delete withoutBand.band;
    expect(() =>
      readResults(tinyResults({ rollup, uncertainty: { ...monteCarlo(200), levels: [withoutBand] } })),
    ).to.throw('band');
  });
});
