/**
 * The SDG Index's trend arrow for one indicator and period, computed as the engine's diagnostics do
 * (server/engine/diagnostics/trends.ts), for the units the engine did not diagnose (streets,
 * districts, the city) and for results stored without diagnostics. Against the previous period: the
 * pace needed is the distance from the previous value to the target divided by `horizon` periods; a
 * change of at least that pace is on track, at least half of it improving, less stagnating, a change
 * the wrong way decreasing. A unit already at the target is on track while it does not fall back.
 * Without the previous value there is no arrow.
 *
 * @example
 * // 60 → 70 with target 95 over 5 periods: needs (95 − 60) / 5 = 7 a period, made 10 → 'on_track'
 * trendArrow(60, 70, 95, 'higher') === 'on_track'
 */
export type Trend = 'on_track' | 'improving' | 'stagnating' | 'decreasing';

export const TREND_HORIZON = 5;

export function trendArrow(
  before: number,
  now: number,
  target: number,
  direction: 'higher' | 'lower',
  horizon = TREND_HORIZON,
): Trend | null {
  if (!Number.isFinite(before) || !Number.isFinite(now)) return null;
  const sign = direction === 'higher' ? 1 : -1;
  const progress = (now - before) * sign;
  const needed = ((target - before) * sign) / horizon;
  if (progress < 0) return 'decreasing';
  if (needed <= 0 || progress >= needed) return 'on_track';
  return progress >= needed / 2 ? 'improving' : 'stagnating';
}
