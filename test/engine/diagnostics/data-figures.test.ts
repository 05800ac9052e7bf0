import { expect } from 'chai';
import { dataCoverage } from '../../../server/engine/diagnostics/data-coverage.js';
import { flagCounts } from '../../../server/engine/diagnostics/flag-counts.js';
import { histogram } from '../../../server/engine/diagnostics/histogram.js';
import { indicatorCoverage } from '../../../server/engine/diagnostics/indicator-coverage.js';
import { weightShares } from '../../../server/engine/diagnostics/weight-shares.js';

describe('engine diagnostics: histogram', () => {
  it('counts 0–100 scores in ten 10-point bins, the last one closed', () => {
    expect(histogram([5, 15, 15, 100]).bins.map((b) => b.count)).to.deep.equal([
      1, 2, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });
  it('spans the data when scores leave the 0–100 scale', () => {
    const { bins } = histogram([-1, 1], 2);
    expect(bins).to.deep.equal([
      { from: -1, to: 0, count: 1, share: 0.5 },
      { from: 0, to: 1, count: 1, share: 0.5 },
    ]);
  });
  it('has no bins without scores', () => {
    expect(histogram([Number.NaN]).bins).to.deep.equal([]);
  });
  it('gives each score its bin and a missing score none', () => {
    expect(Array.from(histogram([5, Number.NaN, 100]).binOf)).to.deep.equal([0, -1, 9]);
  });
});

describe('engine diagnostics: indicatorCoverage', () => {
  it('counts values and reasons within one period only', () => {
    // period 0 = rows 0–2; row 1 missing_input (1); row 4 (period 1) division_by_zero (2) is not counted
    const raw = Float64Array.of(5, Number.NaN, 7, 8, Number.NaN, 9);
    const c = indicatorCoverage(raw, Uint8Array.of(0, 1, 0, 0, 2, 0), 0, 3);
    expect(c.present).to.equal(2);
    expect(c.reasons).to.deep.equal({ missing_input: 1 });
    expect(c.share).to.be.closeTo(2 / 3, 1e-12);
  });
  it('does not count not-applicable cells as gaps', () => {
    // row 2 is not_applicable (7): 2 present of 2 applicable
    expect(indicatorCoverage(Float64Array.of(5, 6, Number.NaN), Uint8Array.of(0, 0, 7), 0, 3).share).to.equal(
      1,
    );
  });
});

describe('engine diagnostics: flagCounts', () => {
  it('counts each kind of treatment once per cell', () => {
    // 1 = imputed; 4 | 8 = winsorised low and log-transformed; 16 = censored
    expect(flagCounts(Uint8Array.of(1, 0, 0, 4 | 8, 0, 16))).to.deep.equal({
      imputed: 1,
      winsorised: 1,
      logged: 1,
      censored: 1,
    });
  });
});

describe('engine diagnostics: dataCoverage', () => {
  // two indicators, two periods of two units; y's second unit is not applicable (7) in period 0
  const nan = Number.NaN;
  const coverage = dataCoverage({
    indicatorIds: ['x', 'y'],
    periodIds: ['2024', '2025'],
    unitCount: 2,
    raw: {
      values: new Map([
        ['x', Float64Array.of(1, nan, 3, 4)],
        ['y', Float64Array.of(5, nan, nan, 8)],
      ]),
      reasons: new Map([
        ['x', Uint8Array.of(0, 1, 0, 0)],
        ['y', Uint8Array.of(0, 7, 1, 0)],
      ]),
    },
    flags: new Map([
      ['x', Uint8Array.of(1, 0, 0, 0)],
      ['y', Uint8Array.of(1, 0, 0, 16)],
    ]),
  });

  it('gives each period’s share of applicable cells with a value over all indicators', () => {
    // period 0: x 1 of 2, y 1 of 1 applicable → 2 / 3; period 1: x 2 of 2, y 1 of 2 → 3 / 4
    expect(coverage.completeness[0]).to.be.closeTo(2 / 3, 1e-12);
    expect(coverage.completeness[1]).to.equal(0.75);
  });

  it('sums the treatment counts over every indicator', () => {
    expect(coverage.flagTotal).to.deep.equal({ imputed: 2, winsorised: 0, logged: 0, censored: 1 });
  });
});

describe('engine diagnostics: weightShares', () => {
  it('gives each child its share of the node’s weights', () => {
    const shares = weightShares(new Map([['index', { children: ['a', 'b'], weights: [1, 3] }]]));
    expect(Array.from(shares.get('index') ?? [])).to.deep.equal([0.25, 0.75]);
  });
  it('gives no shares when the weights sum to nothing', () => {
    const shares = weightShares(new Map([['index', { children: ['a'], weights: [0] }]]));
    expect(Number.isNaN(shares.get('index')?.[0])).to.equal(true);
  });
});
