/**
 * Trend arrows against the previous period, SDG-Index style. For an indicator with a target: the pace
 * needed is the distance from last period's value to the target divided by `horizon` periods; a change
 * of at least that pace is on track, at least half of it improving, less stagnating, a change the wrong
 * way decreasing (a unit already at the target is on track while it does not fall back). Without a
 * target (tree nodes): up by more than `band` is improving, down by more than `band` decreasing, else
 * stagnating. The first period, or a missing value on either side, has no arrow. With `rowTargets`
 * (targets that fit) a row's own target, where not NaN, replaces `target` for that unit and period.
 *
 * @example indicatorTrends(Float64Array.of(50, 50, 60, 52), 2, 2, 1, 100, 5) // [0, 0, 1, 3]
 */
import type { Direction } from '../types.js';
import { Trend } from './codes.js';

export function indicatorTrends(
  values: Float64Array,
  unitCount: number,
  periodCount: number,
  direction: Direction,
  defaultTarget: number | undefined,
  horizon: number,
  rowTargets?: Float64Array,
): Uint8Array {
  const arrows = new Uint8Array(values.length);
  for (let p = 1; p < periodCount; p++) {
    for (let u = 0; u < unitCount; u++) {
      const own = rowTargets?.[p * unitCount + u] ?? Number.NaN;
      const target = own === own ? own : defaultTarget;
      const before = values[(p - 1) * unitCount + u] ?? Number.NaN;
      const now = values[p * unitCount + u] ?? Number.NaN;
      if (before !== before || now !== now) continue;
      const progress = (now - before) * direction;
      let arrow: number;
      if (target === undefined) {
        arrow = progress > 0 ? Trend.Improving : progress < 0 ? Trend.Decreasing : Trend.Stagnating;
      } else {
        const needed = ((target - before) * direction) / horizon;
        if (progress < 0) arrow = Trend.Decreasing;
        else if (needed <= 0 || progress >= needed) arrow = Trend.OnTrack;
        else arrow = progress >= needed / 2 ? Trend.Improving : Trend.Stagnating;
      }
      arrows[p * unitCount + u] = arrow;
    }
  }
  return arrows;
}

/** Node scores: up or down by more than `band` score points, else stagnating. */
export function scoreTrends(
  scores: Float64Array,
  unitCount: number,
  periodCount: number,
  band: number,
): Uint8Array {
  const arrows = new Uint8Array(scores.length);
  for (let p = 1; p < periodCount; p++) {
    for (let u = 0; u < unitCount; u++) {
      const before = scores[(p - 1) * unitCount + u] ?? Number.NaN;
      const now = scores[p * unitCount + u] ?? Number.NaN;
      if (before !== before || now !== now) continue;
      const change = now - before;
      arrows[p * unitCount + u] =
        change > band ? Trend.Improving : change < -band ? Trend.Decreasing : Trend.Stagnating;
    }
  }
  return arrows;
}
