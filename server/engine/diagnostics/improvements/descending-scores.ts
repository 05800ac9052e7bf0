/**
 * The finite scores of some rows, sorted from the highest down, for rankAfter's binary search.
 *
 * @example descendingScores(Float64Array.of(60, NaN, 90), [0, 1, 2]) // Float64Array [90, 60]
 */
export function descendingScores(scores: ArrayLike<number>, rows: Iterable<number>): Float64Array {
  const kept: number[] = [];
  for (const row of rows) {
    const score = scores[row] ?? Number.NaN;
    if (Number.isFinite(score)) kept.push(score);
  }
  return Float64Array.from(kept).sort().reverse();
}
