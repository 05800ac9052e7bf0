/**
 * Traffic lights from an indicator's thresholds, read in its direction: for "higher is better" a value
 * ≥ green is green, ≥ yellow yellow, ≥ orange orange, else red; for "lower is better" ≤ instead.
 * A missing value, or an indicator without thresholds, has no light.
 *
 * @example trafficLights(Float64Array.of(96, 90, 75, 60), { green: 95, yellow: 85, orange: 70 }, 1) // [1, 2, 3, 4]
 */
import type { Direction, Thresholds } from '../types.js';
import { TrafficLight } from './codes.js';

export function trafficLights(
  values: Float64Array,
  thresholds: Thresholds | undefined,
  direction: Direction,
): Uint8Array {
  const length = values.length;
  const lights = new Uint8Array(length);
  if (thresholds === undefined) return lights;
  const green = thresholds.green * direction;
  const yellow = thresholds.yellow * direction;
  const orange = thresholds.orange * direction;
  for (let i = 0; i < length; i++) {
    const v = (values[i] ?? Number.NaN) * direction;
    if (v !== v) continue;
    lights[i] =
      v >= green
        ? TrafficLight.Green
        : v >= yellow
          ? TrafficLight.Yellow
          : v >= orange
            ? TrafficLight.Orange
            : TrafficLight.Red;
  }
  return lights;
}
