import { expect } from 'chai';
import { TrafficLight, Trend } from '../../../server/engine/diagnostics/codes.js';
import { trafficLights } from '../../../server/engine/diagnostics/traffic-lights.js';
import { indicatorTrends } from '../../../server/engine/diagnostics/trends.js';
import { rowTargets, rowThresholds } from '../../../server/engine/targets/row-targets.js';
import type { TargetOverride } from '../../../server/engine/types.js';
import { column } from '../support/prepare.js';

const { Green, Yellow, Orange, Red } = TrafficLight;

describe('targets that fit: lights and the pace needed under overrides', () => {
  const rural: TargetOverride = {
    indicator: 'x',
    when: { urbanRural: 'rural' },
    thresholds: { green: 70, yellow: 50, orange: 30 },
    goalposts: { floor: 0, target: 70 },
  };

  it('reads an overridden row against the override thresholds and the others against the default', () => {
    // default: green ≥ 95, yellow ≥ 85, orange ≥ 70; rural rows 1 and 3: green ≥ 70, yellow ≥ 50, orange ≥ 30
    const rows = Int32Array.of(-1, 0, -1, 0);
    const lights = trafficLights(
      column([75, 75, 90, 40]),
      { green: 95, yellow: 85, orange: 70 },
      1,
      rowThresholds(rows, [rural]),
    );
    expect(Array.from(lights)).to.deep.equal([Orange, Green, Yellow, Orange]);
  });

  it('reads override thresholds in a lower-is-better direction', () => {
    // default: green ≤ 300, yellow ≤ 400, orange ≤ 500; override: green ≤ 500, yellow ≤ 600, orange ≤ 700
    const loose: TargetOverride = {
      indicator: 'x',
      when: { urbanRural: 'rural' },
      thresholds: { green: 500, yellow: 600, orange: 700 },
    };
    const lights = trafficLights(
      column([450, 450, 650, 800]),
      { green: 300, yellow: 400, orange: 500 },
      -1,
      rowThresholds(Int32Array.of(-1, 0, 0, 0), [loose]),
    );
    expect(Array.from(lights)).to.deep.equal([Orange, Green, Orange, Red]);
  });

  it('leaves the lights alone when the override changes only the goalposts', () => {
    const postsOnly: TargetOverride = {
      indicator: 'x',
      when: { period: '2025' },
      goalposts: { floor: 0, target: 50 },
    };
    expect(rowThresholds(Int32Array.of(0, 0), [postsOnly])).to.equal(undefined);
  });

  it('measures the pace needed against the row target', () => {
    // two units, two periods, both go from 50 to 54. Default target 100 over 5 periods: needed 10 a
    // period, so +4 is stagnating (below half of 10). Unit 1's override target 70: needed 4, on track.
    const values = column([50, 50, 54, 54]);
    const targets = rowTargets(Int32Array.of(-1, 0, -1, 0), [rural]);
    expect(Array.from(targets ?? [])).to.deep.equal([Number.NaN, 70, Number.NaN, 70]);
    const arrows = indicatorTrends(values, 2, 2, 1, 100, 5, targets);
    expect(Array.from(arrows)).to.deep.equal([0, 0, Trend.Stagnating, Trend.OnTrack]);
  });

  it('gives no row targets when no override sets goalposts', () => {
    const thresholdsOnly: TargetOverride = {
      indicator: 'x',
      when: { urbanRural: 'rural' },
      thresholds: { green: 70, yellow: 50, orange: 30 },
    };
    expect(rowTargets(Int32Array.of(0, -1), [thresholdsOnly])).to.equal(undefined);
  });
});
