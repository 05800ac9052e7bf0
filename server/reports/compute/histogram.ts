/**
 * Counts of scores in equal bins. Scores within [0, 100] (min-max and goalpost normalisation) use
 * ten bins of 10 points; others ten equal bins from the smallest to the largest score. The last bin
 * includes its upper edge. Missing scores are left out.
 *
 * @example histogram([5, 15, 15, 100]).map((b) => b.count) // [1, 2, 0, 0, 0, 0, 0, 0, 0, 1]
 */
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export function histogram(scores: Iterable<number>, binCount = 10): Bin[] {
  const values: number[] = [];
  for (const s of scores) if (Number.isFinite(s)) values.push(s);
  if (values.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const [from, to] = min >= 0 && max <= 100 ? [0, 100] : [min, max === min ? min + 1 : max];
  const width = (to - from) / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (const v of values) {
    const bin = Math.min(binCount - 1, Math.floor((v - from) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ from: from + i * width, to: from + (i + 1) * width, count }));
}
