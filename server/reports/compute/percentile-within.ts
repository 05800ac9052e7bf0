/**
 * A unit's percentile within a group as the engine's diagnostics define it: the share of the other
 * members with a score that score at or below the unit, from 0 to 100; NaN when the unit has no
 * score or no other member has one.
 *
 * @example percentileWithin(Float64Array.of(40, 60, 60, 80), [0, 1, 2, 3], 1) // 2 of 3 others → 66.7
 */
export function percentileWithin(
  scores: ArrayLike<number>,
  members: readonly number[],
  unit: number,
): number {
  const own = scores[unit] ?? Number.NaN;
  if (!Number.isFinite(own)) return Number.NaN;
  let others = 0;
  let atOrBelow = 0;
  for (const m of members) {
    const s = scores[m] ?? Number.NaN;
    if (m === unit || !Number.isFinite(s)) continue;
    others++;
    if (s <= own) atOrBelow++;
  }
  return others === 0 ? Number.NaN : (100 * atOrBelow) / others;
}
