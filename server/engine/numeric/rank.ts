/**
 * Ranks with ties sharing the smallest rank (R's rank(ties.method = "min")); missing values get no
 * rank (0). "descending" ranks the largest value 1 (rank(-x)); "ascending" ranks the smallest 1.
 *
 * The present values are sorted with their row numbers by an LSD radix sort on the IEEE-754 bits
 * (turned into unsigned keys that sort in numeric order), so that ranking 600,000 values takes a few
 * linear passes rather than a comparison sort and a binary search per value.
 *
 * `tieUlps` lets values that are at most that many units in the last place above the smallest of a group
 * share its rank (0: only equal doubles tie). Scores are computed from normalised values that are
 * themselves rounded (a percentile rank k / 50 is not a double), so units whose scores are equal in
 * exact arithmetic can still differ in the last bit or two; ranking scores with a few ulps of slack
 * lets them tie as they do in exact arithmetic (SCORE_TIE_ULPS).
 *
 * @example ranksTiesMin(Float64Array.of(5, 9, 5, NaN), 'descending') // Uint32Array [2, 1, 2, 0]
 */
export type RankOrder = 'ascending' | 'descending';

/** The slack used to rank scores: far above the rounding of a weighted mean, far below any real gap. */
export const SCORE_TIE_ULPS = 16;

export function ranksTiesMin(values: Float64Array, order: RankOrder, tieUlps = 0): Uint32Array {
  const n = values.length;
  const ranks = new Uint32Array(n);
  const { hi, lo, rows } = sortedKeys(values, n <= SCRATCH_ROWS ? rankScratch : undefined);
  const m = rows.length;
  let start = 0;
  while (start < m) {
    let end = start;
    while (end + 1 < m && keyDistance(hi, lo, start, end + 1) <= tieUlps) end++;
    // ascending: 1 + values below = start + 1; descending: 1 + values above = m - end
    const rank = order === 'ascending' ? start + 1 : m - end;
    for (let p = start; p <= end; p++) ranks[rows[p] ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/** How many doubles lie between sorted keys a ≤ b (0 when equal); exact while it is below 2^53. */
function keyDistance(hi: Uint32Array, lo: Uint32Array, a: number, b: number): number {
  return ((hi[b] ?? 0) - (hi[a] ?? 0)) * 4294967296 + ((lo[b] ?? 0) - (lo[a] ?? 0));
}

export interface SortedKeys {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  /** The rows of the present values, in ascending order of value. */
  readonly rows: Uint32Array;
}

/**
 * Arrays that sortedKeys reuses from call to call (grown as needed) for a caller that is done with
 * the keys before its next call: a Monte Carlo worker ranks a thousand runs, and fresh arrays for
 * each cost allocation, zeroing and collection.
 */
export class KeyScratch {
  private readonly arrays: Uint32Array[] = [];

  /** Array `k` with `length` elements (contents left from before: the caller writes before reading). */
  take(k: number, length: number): Uint32Array {
    let array = this.arrays[k];
    if (array === undefined || array.length < length) {
      array = new Uint32Array(length);
      this.arrays[k] = array;
    }
    return array.subarray(0, length);
  }
}

/** ranksTiesMin's keys, read before it returns; kept for columns up to SCRATCH_ROWS (under 2 MB in all). */
const rankScratch = new KeyScratch();
const SCRATCH_ROWS = 65536;

/**
 * The present values as sortable 64-bit keys (hi, lo) with their rows, in ascending order; with a
 * scratch, in its arrays (valid until the next call with it).
 */
export function sortedKeys(values: Float64Array, scratch?: KeyScratch): SortedKeys {
  const array = (k: number, length: number): Uint32Array =>
    scratch === undefined ? new Uint32Array(length) : scratch.take(k, length);
  const n = values.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  let m = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) m++;
  // Digits of the high word: two of 16 bits for long columns, three of 11 for short ones (a Monte
  // Carlo run's 10,000 units), where clearing and summing 65,536 counts would cost more than the keys.
  const width = m >= 65536 ? 16 : 11;
  const passes = Math.ceil(32 / width);
  const buckets = 1 << width;
  const mask = buckets - 1;
  let hi = array(0, m);
  let lo = array(1, m);
  let rows = array(2, m);
  // Every pass's digit counts, taken while making the keys (the counts do not depend on the order).
  const counts = array(3, passes * buckets).fill(0);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? Number.NaN;
    if (v !== v) continue;
    bits[0] = v + 0; // -0 becomes +0, so that the two zeros tie
    const h = words[1] ?? 0;
    const l = words[0] ?? 0;
    // Negative numbers: flip every bit; positive: flip the sign bit. Unsigned order = numeric order.
    const negative = h >>> 31 === 1;
    const key = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    hi[k] = key;
    lo[k] = negative ? ~l >>> 0 : l;
    rows[k] = i;
    k++;
    const d0 = key & mask;
    const d1 = buckets + ((key >>> width) & mask);
    counts[d0] = (counts[d0] ?? 0) + 1;
    counts[d1] = (counts[d1] ?? 0) + 1;
    if (passes === 3) {
      const d2 = 2 * buckets + (key >>> (2 * width));
      counts[d2] = (counts[d2] ?? 0) + 1;
    }
  }
  let hi2 = array(4, m);
  let lo2 = array(5, m);
  let rows2 = array(6, m);
  // LSD passes over the high words (stable, so rows stay in order among equal keys), skipping a
  // digit every key shares. Then the few runs that share a high word are put in order of the low
  // word. The same order as sorting all 64 bits, in fewer passes.
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * width;
    const base = pass * buckets;
    if ((counts[base + (((hi[0] ?? 0) >>> shift) & mask)] ?? 0) === m) continue;
    let total = 0;
    for (let d = base; d < base + buckets; d++) {
      const c = counts[d] ?? 0;
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < m; i++) {
      const key = hi[i] ?? 0;
      const digit = base + ((key >>> shift) & mask);
      const to = counts[digit] ?? 0;
      counts[digit] = to + 1;
      hi2[to] = key;
      lo2[to] = lo[i] ?? 0;
      rows2[to] = rows[i] ?? 0;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [rows, rows2] = [rows2, rows];
  }
  let start = 0;
  while (start < m) {
    const h = hi[start] ?? 0;
    let end = start + 1;
    while (end < m && hi[end] === h) end++;
    if (end - start > 1) orderByLow(lo, rows, start, end);
    start = end;
  }
  return { hi, lo, rows };
}

/**
 * Puts keys [start, end) that share their high word in ascending order of the low word, stably (rows
 * that tie keep their order). Runs are short for real data (insertion sort); a long one, such as many
 * values a few ulps apart, is sorted by a stable comparison sort.
 */
function orderByLow(lo: Uint32Array, rows: Uint32Array, start: number, end: number): void {
  if (end - start <= 32) {
    for (let i = start + 1; i < end; i++) {
      const l = lo[i] ?? 0;
      const r = rows[i] ?? 0;
      let j = i - 1;
      while (j >= start && (lo[j] ?? 0) > l) {
        lo[j + 1] = lo[j] ?? 0;
        rows[j + 1] = rows[j] ?? 0;
        j--;
      }
      lo[j + 1] = l;
      rows[j + 1] = r;
    }
    return;
  }
  const order = Array.from({ length: end - start }, (_, k) => start + k);
  // Array.prototype.sort is stable.
  order.sort((a, b) => (lo[a] ?? 0) - (lo[b] ?? 0));
  const sortedLo = order.map((k) => lo[k] ?? 0);
  const sortedRows = order.map((k) => rows[k] ?? 0);
  lo.set(sortedLo, start);
  rows.set(sortedRows, start);
}
