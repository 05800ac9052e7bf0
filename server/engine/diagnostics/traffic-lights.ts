/**
 * Traffic lights from an indicator's thresholds, read in its direction: for "higher is better" a value
 * ≥ green is green, ≥ yellow yellow, ≥ orange orange, else red; for "lower is better" ≤ instead.
 * A missing value, or an indicator without thresholds, has no light. With `overrides` (targets that
 * fit, server/engine/targets/) a row whose entry in `overrides.rows` names an override with thresholds
 * is read against those instead.
 *
 * @example trafficLights(Float64Array.of(96, 90, 75, 60), { green: 95, yellow: 85, orange: 70 }, 1) // [1, 2, 3, 4]
 */
import type { Direction, Thresholds } from '../types.js';
import { TrafficLight } from './codes.js';

/** Per row, the position of the override that applies (-1: none), and each override's thresholds. */
export interface RowThresholds {
  readonly rows: Int32Array;
  readonly thresholds: readonly (Thresholds | undefined)[];
}

export function trafficLights(
  values: Float64Array,
  thresholds: Thresholds | undefined,
  direction: Direction,
  overrides?: RowThresholds,
): Uint8Array {
  const lights = defaultLights(values, thresholds, direction);
  if (overrides !== undefined) overrideLights(lights, values, direction, overrides);
  return lights;
}

function overrideLights(
  lights: Uint8Array,
  values: Float64Array,
  direction: Direction,
  { rows, thresholds }: RowThresholds,
): void {
  for (let i = 0; i < lights.length; i++) {
    const own = thresholds[rows[i] ?? -1];
    if (own === undefined) continue;
    const v = (values[i] ?? Number.NaN) * direction;
    if (v !== v) continue;
    lights[i] =
      v >= own.green * direction
        ? TrafficLight.Green
        : v >= own.yellow * direction
          ? TrafficLight.Yellow
          : v >= own.orange * direction
            ? TrafficLight.Orange
            : TrafficLight.Red;
  }
}

function defaultLights(
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
