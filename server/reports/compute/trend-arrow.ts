/**
 * The SDG Index's trend arrow for one indicator: the pace achieved since the first period, per year,
 * against the pace needed to reach the target by TARGET_YEAR from that first value (SDSN's method,
 * with linear paces). Already at the target and not falling back → on track; ≥ 100 % of the needed
 * pace → on track; ≥ 50 % → moderately improving; > 0 → stagnating; no gain → decreasing.
 * Fewer than two periods with a value → no trend.
 *
 * @example
 * // 60 % in 2023, 70 % in 2025, target 95 by 2030: needs 5 points a year, made 5 → 'on_track'
 * trendArrow([{ position: 2023, value: 60 }, { position: 2025, value: 70 }], 95, 'higher')
 */
export type Trend = 'on_track' | 'moderate' | 'stagnating' | 'decreasing';

export const TARGET_YEAR = 2030;

export interface TrendPoint {
  readonly position: number;
  readonly value: number;
}

export function trendArrow(
  points: readonly TrendPoint[],
  target: number,
  direction: 'higher' | 'lower',
): Trend | null {
  const known = points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.position));
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined || known.length < 2 || last.position <= first.position)
    return null;
  const sign = direction === 'higher' ? 1 : -1;
  const gain = sign * (last.value - first.value);
  if (sign * (last.value - target) >= 0 && gain >= 0) return 'on_track';
  const achieved = gain / (last.position - first.position);
  const needed = (sign * (target - first.value)) / Math.max(1, TARGET_YEAR - first.position);
  if (achieved <= 0) return 'decreasing';
  if (needed <= 0 || achieved >= needed) return 'on_track';
  if (achieved >= needed / 2) return 'moderate';
  return 'stagnating';
}
