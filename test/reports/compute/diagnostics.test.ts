import { expect } from 'chai';
import { flagCounts } from '../../../server/reports/compute/flag-counts.js';
import { improvementOptions } from '../../../server/reports/compute/improvement-options.js';
import { indicatorCoverage } from '../../../server/reports/compute/indicator-coverage.js';
import { populationRollup } from '../../../server/reports/compute/population-rollup.js';
import { scoreTree } from '../../../server/reports/compute/score-tree.js';
import { trafficLight } from '../../../server/reports/compute/traffic-light.js';
import { trendArrow } from '../../../server/reports/compute/trend-arrow.js';
import { weakestDimension } from '../../../server/reports/compute/weakest-dimension.js';

const lights = { green: 95, yellow: 85, orange: 70 };
const perWorker = { green: 300, yellow: 400, orange: 500 };

describe('reports: trafficLight', () => {
  it('is green at the green threshold of a higher-is-better indicator', () => {
    expect(trafficLight(95, lights, 'higher')).to.equal('green');
  });
  it('is yellow between the yellow and green thresholds', () => {
    expect(trafficLight(87, lights, 'higher')).to.equal('yellow');
  });
  it('is red below the orange threshold', () => {
    expect(trafficLight(69.9, lights, 'higher')).to.equal('red');
  });
  it('mirrors the thresholds for a lower-is-better indicator', () => {
    expect([350, 450, 520].map((v) => trafficLight(v, perWorker, 'lower'))).to.deep.equal([
      'yellow',
      'orange',
      'red',
    ]);
  });
  it('has no light for a missing value', () => {
    expect(trafficLight(Number.NaN, lights, 'higher')).to.equal(null);
  });
});

describe('reports: trendArrow', () => {
  // Target 95 over 5 periods from 60: the pace needed is (95 − 60) / 5 = 7 a period.
  it('is on track when the change meets the pace needed', () => {
    expect(trendArrow(60, 70, 95, 'higher')).to.equal('on_track');
  });
  it('is improving at half the needed pace or more', () => {
    expect(trendArrow(60, 64, 95, 'higher')).to.equal('improving');
  });
  it('is stagnating below half the needed pace', () => {
    expect(trendArrow(60, 62, 95, 'higher')).to.equal('stagnating');
  });
  it('is decreasing when the value got worse', () => {
    expect(trendArrow(60, 58, 95, 'higher')).to.equal('decreasing');
  });
  it('is on track at the target while it does not fall back', () => {
    expect([trendArrow(96, 96, 95, 'higher'), trendArrow(97, 96, 95, 'higher')]).to.deep.equal([
      'on_track',
      'decreasing',
    ]);
  });
  it('measures a lower-is-better indicator as falling towards its target', () => {
    // 5 → 4.5 days, target 3: needs (5 − 3) / 5 = 0.4 a period, made 0.5
    expect(trendArrow(5, 4.5, 3, 'lower')).to.equal('on_track');
  });
  it('has no arrow without the previous value', () => {
    expect(trendArrow(Number.NaN, 70, 95, 'higher')).to.equal(null);
  });
});

describe('reports: populationRollup', () => {
  it('weights each base unit by its resident population', () => {
    // (40 · 1,000 + 80 · 3,000) / 4,000 = 70
    expect(
      Array.from(populationRollup(Float64Array.of(40, 80), Float64Array.of(1000, 3000), [[0], [0]], 1)),
    ).to.deep.equal([70]);
  });
  it('leaves out base units without a value', () => {
    expect(
      Array.from(
        populationRollup(Float64Array.of(40, Number.NaN), Float64Array.of(1000, 3000), [[0], [0]], 1),
      ),
    ).to.deep.equal([40]);
  });
  it('rolls a base unit up to every unit above it', () => {
    // street 0 has units 0 and 1, street 1 has unit 2, district 2 has all: (10·1 + 20·1 + 60·2) / 4 = 37.5
    const out = populationRollup(
      Float64Array.of(10, 20, 60),
      Float64Array.of(1, 1, 2),
      [
        [0, 2],
        [0, 2],
        [1, 2],
      ],
      3,
    );
    expect(Array.from(out)).to.deep.equal([15, 60, 37.5]);
  });
  it('takes the plain mean when no population is known', () => {
    expect(
      Array.from(populationRollup(Float64Array.of(40, 80), Float64Array.of(Number.NaN, 0), [[0], [0]], 1)),
    ).to.deep.equal([60]);
  });
  it('leaves a unit with nothing below it missing', () => {
    expect(populationRollup(Float64Array.of(1), Float64Array.of(1), [[0]], 2)[1]).to.be.NaN;
  });
});

describe('reports: scoreTree', () => {
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

describe('reports: improvementOptions', () => {
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

describe('reports: weakestDimension', () => {
  it('finds the lowest dimension and its gap to the peer median', () => {
    expect(
      weakestDimension(
        ['a', 'b'],
        (d) => (d === 'a' ? 55 : 40),
        () => 50,
      ),
    ).to.deep.equal({
      dimension: 'b',
      score: 40,
      peerMedian: 50,
      gap: -10,
    });
  });
  it('passes over missing scores', () => {
    expect(
      weakestDimension(
        ['a', 'b'],
        (d) => (d === 'a' ? Number.NaN : 70),
        () => 50,
      )?.dimension,
    ).to.equal('b');
  });
  it('finds nothing without scores', () => {
    expect(
      weakestDimension(
        ['a'],
        () => Number.NaN,
        () => 50,
      ),
    ).to.equal(null);
  });
});

describe('reports: indicatorCoverage', () => {
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

describe('reports: flagCounts', () => {
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
