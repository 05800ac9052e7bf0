/**
 * The median of the finite values in a list (NaN and missing entries skipped); NaN when none is left.
 *
 * @example median([3, NaN, 1, 2]) === 2; median([1, 2, 3, 10]) === 2.5
 */
export function median(values: Iterable<number>): number {
  const finite: number[] = [];
  for (const v of values) if (Number.isFinite(v)) finite.push(v);
  if (finite.length === 0) return Number.NaN;
  finite.sort((a, b) => a - b);
  const mid = finite.length >> 1;
  const upper = finite[mid] ?? Number.NaN;
  return finite.length % 2 === 1 ? upper : ((finite[mid - 1] ?? Number.NaN) + upper) / 2;
}
