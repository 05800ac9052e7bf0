/**
 * The weak spots (短板) of each unit and period: the leaf dimension (a node whose children are
 * indicators) with the lowest score, and the three indicators with the lowest normalised values, each
 * with its peer-group median (raw values of the units in the same group and period) and the change
 * needed to reach it, in the indicator's own unit (positive for "higher is better", negative for
 * "lower is better", 0 when the unit already does at least as well as the median).
 *
 * @example weakestDimensions([d1, d2], 2) // per row the index of the lower-scoring dimension
 */
import { groupMedians } from '../numeric/group-order.js';
import type { Direction } from '../types.js';

export const WEAKEST_COUNT = 3;

/** Per row the position (in `scores`) of the lowest present score, -1 when none is present. */
export function weakestDimensions(scores: readonly Float64Array[], rowCount: number): Int32Array {
  const weakest = new Int32Array(rowCount).fill(-1);
  const lowest = new Float64Array(rowCount).fill(Infinity);
  scores.forEach((column, d) => {
    for (let i = 0; i < rowCount; i++) {
      const v = column[i] ?? Number.NaN;
      if (v === v && v < (lowest[i] ?? Infinity)) {
        lowest[i] = v;
        weakest[i] = d;
      }
    }
  });
  return weakest;
}

export interface WeakIndicators {
  /** rowCount × 3: the indicator's position in the indicator list, -1 when fewer are present. */
  readonly indicator: Int32Array;
  /** rowCount × 3: the peer-group median of the indicator's raw value. */
  readonly median: Float64Array;
  /** rowCount × 3: the change needed to reach the median (0 when already there). */
  readonly change: Float64Array;
}

export interface IndicatorColumns {
  readonly normalised: Float64Array;
  readonly raw: Float64Array;
  readonly direction: Direction;
}

export function weakestIndicators(
  indicators: readonly IndicatorColumns[],
  rowCount: number,
  groups: Int32Array,
  groupCount: number,
): WeakIndicators {
  const size = rowCount * WEAKEST_COUNT;
  const picked = new Int32Array(size).fill(-1);
  const pickedValue = new Float64Array(size).fill(Infinity);
  indicators.forEach(({ normalised }, j) => {
    for (let i = 0; i < rowCount; i++) {
      const v = normalised[i] ?? Number.NaN;
      if (v !== v) continue;
      const base = i * WEAKEST_COUNT;
      // Insert into the row's three lowest (earlier indicators win ties).
      let at = WEAKEST_COUNT;
      while (at > 0 && v < (pickedValue[base + at - 1] ?? Infinity)) at--;
      if (at === WEAKEST_COUNT) continue;
      for (let k = WEAKEST_COUNT - 1; k > at; k--) {
        pickedValue[base + k] = pickedValue[base + k - 1] ?? Infinity;
        picked[base + k] = picked[base + k - 1] ?? -1;
      }
      pickedValue[base + at] = v;
      picked[base + at] = j;
    }
  });
  const medians = indicators.map(({ raw }) => groupMedians(raw, groups, groupCount));
  const median = new Float64Array(size).fill(Number.NaN);
  const change = new Float64Array(size).fill(Number.NaN);
  for (let k = 0; k < size; k++) {
    const j = picked[k] ?? -1;
    const indicator = indicators[j];
    const g = groups[Math.floor(k / WEAKEST_COUNT)] ?? -1;
    if (indicator === undefined || g < 0) continue;
    const m = medians[j]?.[g] ?? Number.NaN;
    const value = indicator.raw[Math.floor(k / WEAKEST_COUNT)] ?? Number.NaN;
    median[k] = m;
    if (m === m && value === value) change[k] = (m - value) * indicator.direction > 0 ? m - value : 0;
  }
  return { indicator: picked, median, change };
}
