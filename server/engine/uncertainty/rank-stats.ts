/**
 * Per unit and period (row), the distribution of its rank over the runs: the median and the 5 % and
 * 95 % quantiles (type 7, quantile.ts), the share of runs in which it ranks in the top `top`, and the
 * number of runs in which it had a rank at all (runs where its score was missing are left out).
 * A row ranked in no run has NaN statistics and ranked = 0.
 *
 * @example
 * // ranks is run-major: ranks[run * rowCount + row]
 * rankStatistics(ranks, 4, [0, 1, 2], 10).median[row]
 */

export interface RankStatistics {
  readonly median: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
  /** Share of the ranked runs with rank ≤ top. */
  readonly topShare: Float64Array;
  readonly ranked: Uint32Array;
}

export function rankStatistics(
  ranks: Uint32Array,
  rowCount: number,
  runs: readonly number[],
  top: number,
): RankStatistics {
  const median = new Float64Array(rowCount);
  const p5 = new Float64Array(rowCount);
  const p95 = new Float64Array(rowCount);
  const topShare = new Float64Array(rowCount);
  const ranked = new Uint32Array(rowCount);
  const selector = new RankSelector(runs.length);
  const { sample } = selector;
  const runCount = runs.length;
  // The ranks are run-major; a block of rows is first copied row-major (each run's part of the
  // block is contiguous), so that the rows' samples are read from cache, in run order as before.
  const block = new Uint32Array(ROWS_PER_BLOCK * runCount);
  for (let start = 0; start < rowCount; start += ROWS_PER_BLOCK) {
    const width = Math.min(ROWS_PER_BLOCK, rowCount - start);
    for (let r = 0; r < runCount; r++) {
      const from = (runs[r] ?? 0) * rowCount + start;
      for (let j = 0; j < width; j++) block[j * runCount + r] = ranks[from + j] ?? 0;
    }
    for (let j = 0; j < width; j++) {
      const row = start + j;
      const offset = j * runCount;
      let n = 0;
      let inTop = 0;
      for (let r = 0; r < runCount; r++) {
        const rank = block[offset + r] ?? 0;
        if (rank === 0) continue;
        sample[n++] = rank;
        if (rank <= top) inTop++;
      }
      selector.load(n);
      median[row] = selector.quantile(0.5);
      p5[row] = selector.quantile(0.05);
      p95[row] = selector.quantile(0.95);
      topShare[row] = n === 0 ? Number.NaN : inTop / n;
      ranked[row] = n;
    }
  }
  return { median, p5, p95, topShare, ranked };
}

/** Rows gathered together: 64 rows × 1,000 runs of ranks is 256 KB, which stays in cache. */
const ROWS_PER_BLOCK = 64;

/** Ranks per bucket of the coarse count (a power of two). */
const BUCKET_BITS = 6;
const BUCKET = 1 << BUCKET_BITS;

/**
 * The type-7 quantiles of a sample of ranks (whole numbers) without sorting it: the ranks are counted
 * per bucket of 64 consecutive values, the bucket that holds the k-th smallest is found from the
 * counts, and only that bucket's ranks are counted one by one. A unit's ranks over 1,000 runs can
 * span thousands of places; this costs a few passes over the sample instead of a sort. The order
 * statistics are the sorted sample's, so the quantiles are quantileSorted's to the bit.
 */
class RankSelector {
  readonly sample: Float64Array;
  private n = 0;
  private min = 0;
  /** Ranks before each bucket (cumulative counts), and the number of buckets in use. */
  private before = new Uint32Array(2);
  private buckets = 0;
  private readonly fine = new Uint32Array(BUCKET);
  private fineBucket = -1;

  constructor(size: number) {
    this.sample = new Float64Array(size);
  }

  /** Takes the first n ranks of `sample`. */
  load(n: number): void {
    const { sample } = this;
    this.n = n;
    this.fineBucket = -1;
    if (n === 0) return;
    let min = sample[0] ?? 0;
    let max = min;
    for (let k = 1; k < n; k++) {
      const v = sample[k] ?? 0;
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    this.min = min;
    const buckets = ((max - min) >> BUCKET_BITS) + 1;
    if (this.before.length < buckets + 1) this.before = new Uint32Array(2 * buckets + 1);
    const before = this.before;
    before.fill(0, 0, buckets + 1);
    for (let k = 0; k < n; k++) {
      const b = ((sample[k] ?? 0) - min) >> BUCKET_BITS;
      before[b + 1] = (before[b + 1] ?? 0) + 1;
    }
    for (let b = 1; b <= buckets; b++) before[b] = (before[b] ?? 0) + (before[b - 1] ?? 0);
    this.buckets = buckets;
  }

  /** As quantileSorted(the sorted sample, p). */
  quantile(p: number): number {
    const n = this.n;
    if (n === 0) return Number.NaN;
    const h = (n - 1) * p;
    const lower = Math.floor(h);
    const low = this.select(lower);
    if (lower >= n - 1) return this.select(n - 1);
    const high = this.select(lower + 1);
    return low + (h - lower) * (high - low);
  }

  /** The k-th smallest rank (k from 0). */
  private select(k: number): number {
    const { before } = this;
    // The last bucket with fewer than k + 1 ranks before it holds the k-th smallest.
    let lo = 0;
    let hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((before[mid] ?? 0) <= k) lo = mid;
      else hi = mid - 1;
    }
    const bucket = lo;
    const { fine, sample } = this;
    if (this.fineBucket !== bucket) {
      fine.fill(0);
      const from = this.min + bucket * BUCKET;
      for (let i = 0; i < this.n; i++) {
        const d = (sample[i] ?? 0) - from;
        if (d >= 0 && d < BUCKET) fine[d] = (fine[d] ?? 0) + 1;
      }
      this.fineBucket = bucket;
    }
    let left = k - (before[bucket] ?? 0);
    for (let d = 0; d < BUCKET; d++) {
      left -= fine[d] ?? 0;
      if (left < 0) return this.min + bucket * BUCKET + d;
    }
    return Number.NaN; // unreachable: the bucket holds the k-th smallest
  }
}
