/**
 * The codes the diagnostics use: traffic lights from an indicator's thresholds and SDG-style trend
 * arrows against the previous period.
 *
 * @example TRAFFIC_LIGHTS[TrafficLight.Green] === 'green'; TRENDS[Trend.OnTrack] === 'on_track'
 */
export const TrafficLight = { None: 0, Green: 1, Yellow: 2, Orange: 3, Red: 4 } as const;
export const TRAFFIC_LIGHTS = ['none', 'green', 'yellow', 'orange', 'red'] as const;

export const Trend = {
  None: 0,
  /** ↑ fast enough to reach the target within the horizon (or holding it). */
  OnTrack: 1,
  /** ➚ at least half the pace needed (or, without a target, clearly up). */
  Improving: 2,
  /** → less than half the pace needed (or, without a target, about flat). */
  Stagnating: 3,
  /** ↓ getting worse. */
  Decreasing: 4,
} as const;
export const TRENDS = ['none', 'on_track', 'improving', 'stagnating', 'decreasing'] as const;
