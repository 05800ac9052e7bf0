/**
 * Counts and shares of scores in equal bins, and the bin of each score. Scores within [0, 100] (min-max and
 * goalpost normalisation) use ten bins of 10 points; others ten equal bins from the smallest to the
 * largest score. The last bin includes its upper edge. Missing scores are left out (bin −1).
 *
 * @example histogram([5, 15, 15, 100]).bins.map((b) => b.count) // [1, 2, 0, 0, 0, 0, 0, 0, 0, 1]
 * histogram([5, NaN]).binOf // Int32Array [0, -1]
 */
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** count / the number of scores present. */
  readonly share: number;
}

export interface Histogram {
  readonly bins: readonly Bin[];
  /** Per value, its bin (−1 for a missing value). */
  readonly binOf: Int32Array;
}

export function histogram(scores: Float64Array | readonly number[], binCount = 10): Histogram {
  const binOf = new Int32Array(scores.length).fill(-1);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let present = 0;
  for (const v of scores) {
    if (!Number.isFinite(v)) continue;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (present === 0) return { bins: [], binOf };
  const [from, to] = min >= 0 && max <= 100 ? [0, 100] : [min, max === min ? min + 1 : max];
  const width = (to - from) / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i] ?? Number.NaN;
    if (!Number.isFinite(v)) continue;
    const bin = Math.min(binCount - 1, Math.floor((v - from) / width));
    binOf[i] = bin;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return {
    bins: counts.map((count, i) => ({
      from: from + i * width,
      to: from + (i + 1) * width,
      count,
      share: count / present,
    })),
    binOf,
  };
}
