/**
 * A unit's rank within a group by a score (1 + the members scoring strictly higher, ties sharing
 * the rank) and the number of members with a score; null when the unit has no score.
 *
 * @example rankWithin(Float64Array.of(50, 70, 50, NaN), [0, 1, 2, 3], 2) // { rank: 2, total: 3 }
 */
export interface RankInGroup {
  readonly rank: number;
  readonly total: number;
}

export function rankWithin(
  scores: ArrayLike<number>,
  members: readonly number[],
  unit: number,
): RankInGroup | null {
  const own = scores[unit] ?? Number.NaN;
  if (!Number.isFinite(own)) return null;
  let above = 0;
  let total = 0;
  for (const m of members) {
    const s = scores[m] ?? Number.NaN;
    if (!Number.isFinite(s)) continue;
    total++;
    if (s > own) above++;
  }
  return { rank: above + 1, total };
}
