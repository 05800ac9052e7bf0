/**
 * The rank a unit would hold with a new score among the others: 1 + the number of other scores
 * strictly above it. `descending` holds every score of the ranking (the unit's own included) from
 * the highest down; `own` is the unit's current score, discounted when it lies above the new one.
 *
 * @example rankAfter(Float64Array.of(90, 80, 70, 60), 75, 60) === 3
 */
export function rankAfter(descending: Float64Array, score: number, own: number): number {
  let low = 0;
  let high = descending.length;
  // First position whose score is not above `score`.
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((descending[mid] ?? Number.NEGATIVE_INFINITY) > score) low = mid + 1;
    else high = mid;
  }
  return 1 + low - (own > score ? 1 : 0);
}
