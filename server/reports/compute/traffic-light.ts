/**
 * The traffic light of a raw indicator value from its definition's thresholds (indicators/README.md,
 * "Traffic lights"). Higher is better: ≥ green is green, ≥ yellow yellow, ≥ orange orange, else red;
 * lower is better mirrors it with ≤. A missing value has no light.
 *
 * @example trafficLight(87, { green: 95, yellow: 85, orange: 70 }, 'higher') === 'yellow'
 */
export type Light = 'green' | 'yellow' | 'orange' | 'red';

export interface Thresholds {
  readonly green: number;
  readonly yellow: number;
  readonly orange: number;
}

export function trafficLight(
  value: number,
  thresholds: Thresholds,
  direction: 'higher' | 'lower',
): Light | null {
  if (!Number.isFinite(value)) return null;
  const sign = direction === 'higher' ? 1 : -1;
  const atLeast = (cut: number): boolean => sign * value >= sign * cut;
  if (atLeast(thresholds.green)) return 'green';
  if (atLeast(thresholds.yellow)) return 'yellow';
  if (atLeast(thresholds.orange)) return 'orange';
  return 'red';
}
