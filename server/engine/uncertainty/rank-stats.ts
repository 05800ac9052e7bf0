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
      let min = Infinity;
      let max = -Infinity;
      for (let r = 0; r < runCount; r++) {
        const rank = block[offset + r] ?? 0;
        if (rank === 0) continue;
        sample[n++] = rank;
        if (rank <= top) inTop++;
        if (rank < min) min = rank;
        if (rank > max) max = rank;
      }
      selector.load(n, min, max);
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

/** The quantiles rankStatistics asks for, whose order statistics are counted together. */
const WANTED = [0.5, 0.05, 0.95];

/**
 * The type-7 quantiles of a sample of ranks (whole numbers) without sorting it: the ranks are counted
 * per bucket of 64 consecutive values, the buckets that hold the order statistics the quantiles need
 * are found from the counts, and only those buckets' ranks are counted one by one, all in one more
 * pass. A unit's ranks over 1,000 runs can span thousands of places; this costs two passes over the
 * sample instead of a sort. The order statistics are the sorted sample's, so the quantiles are
 * quantileSorted's to the bit.
 */
class RankSelector {
  readonly sample: Uint32Array;
  private n = 0;
  private min = 0;
  /** Ranks before each bucket (cumulative counts), and the number of buckets in use. */
  private before = new Uint32Array(2);
  private buckets = 0;
  /** The buckets counted one rank at a time, and their counts (BUCKET per bucket). */
  private readonly fineBuckets: number[] = [];
  private readonly fine = new Uint32Array((2 * WANTED.length + 1) * BUCKET);
  /**
   * Per bucket in use, its place in fineBuckets, or fineBuckets.length for one not counted: every
   * rank is counted somewhere (that last place is never read), so the loop has no branch to mispredict.
   */
  private slots = new Uint8Array(1);

  constructor(size: number) {
    this.sample = new Uint32Array(size);
  }

  /** Takes the first n ranks of `sample`, whose smallest is `min` and largest `max`. */
  load(n: number, min: number, max: number): void {
    const { sample } = this;
    this.n = n;
    this.fineBuckets.length = 0;
    if (n === 0) return;
    this.min = min;
    const buckets = ((max - min) >> BUCKET_BITS) + 1;
    if (this.before.length < buckets + 1) {
      this.before = new Uint32Array(2 * buckets + 1);
      this.slots = new Uint8Array(2 * buckets + 1);
    }
    const before = this.before;
    before.fill(0, 0, buckets + 1);
    for (let k = 0; k < n; k++) {
      const b = ((sample[k] ?? 0) - min) >> BUCKET_BITS;
      before[b + 1] = (before[b + 1] ?? 0) + 1;
    }
    for (let b = 1; b <= buckets; b++) before[b] = (before[b] ?? 0) + (before[b - 1] ?? 0);
    this.buckets = buckets;
    this.countFine();
  }

  /** As quantileSorted(the sorted sample, p), for p in WANTED. */
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

  /** One pass over the sample counting, rank by rank, the buckets of every order statistic wanted. */
  private countFine(): void {
    const { fineBuckets, fine, sample, n, min } = this;
    for (const p of WANTED) {
      const lower = Math.floor((n - 1) * p);
      for (const k of [lower, Math.min(lower + 1, n - 1)]) {
        const bucket = this.bucketOf(k);
        if (!fineBuckets.includes(bucket)) fineBuckets.push(bucket);
      }
    }
    fine.fill(0, 0, (fineBuckets.length + 1) * BUCKET);
    const { slots } = this;
    slots.fill(fineBuckets.length, 0, this.buckets);
    fineBuckets.forEach((bucket, t) => (slots[bucket] = t));
    for (let i = 0; i < n; i++) {
      const d = (sample[i] ?? 0) - min;
      const at = (slots[d >> BUCKET_BITS] ?? 0) * BUCKET + (d & (BUCKET - 1));
      fine[at] = (fine[at] ?? 0) + 1;
    }
  }

  /** The bucket that holds the k-th smallest rank (k from 0): the last with at most k ranks before it. */
  private bucketOf(k: number): number {
    const { before } = this;
    let lo = 0;
    let hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((before[mid] ?? 0) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The k-th smallest rank (k from 0), from its bucket's counts. */
  private select(k: number): number {
    const bucket = this.bucketOf(k);
    const t = this.fineBuckets.indexOf(bucket);
    if (t < 0) throw new Error(`rank statistics: order statistic ${k} was not counted`);
    const { fine } = this;
    let left = k - (this.before[bucket] ?? 0);
    for (let d = 0; d < BUCKET; d++) {
      left -= fine[t * BUCKET + d] ?? 0;
      if (left < 0) return this.min + bucket * BUCKET + d;
    }
    return Number.NaN; // unreachable: the bucket holds the k-th smallest
  }
}
