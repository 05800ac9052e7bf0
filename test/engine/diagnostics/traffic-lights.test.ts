import { expect } from 'chai';
import { TrafficLight } from '../../../server/engine/diagnostics/codes.js';
import { trafficLights } from '../../../server/engine/diagnostics/traffic-lights.js';
import { column } from '../support/prepare.js';

const { Green, Yellow, Orange, Red, None } = TrafficLight;

describe('traffic lights', () => {
  it('reads "higher is better" thresholds as lower bounds', () => {
    const lights = trafficLights(
      column([96, 95, 90, 75, 60, null]),
      { green: 95, yellow: 85, orange: 70 },
      1,
    );
    expect(Array.from(lights)).to.deep.equal([Green, Green, Yellow, Orange, Red, None]);
  });

  it('reads "lower is better" thresholds as upper bounds', () => {
    // households per grid worker: green ≤ 300, yellow ≤ 400, orange ≤ 500
    const lights = trafficLights(
      column([250, 300, 350, 450, 600]),
      { green: 300, yellow: 400, orange: 500 },
      -1,
    );
    expect(Array.from(lights)).to.deep.equal([Green, Green, Yellow, Orange, Red]);
  });

  it('gives no light without thresholds', () => {
    expect(Array.from(trafficLights(column([1, 2]), undefined, 1))).to.deep.equal([None, None]);
  });
});
