/**
 * A fast route through COINr's winsorisation loop for long columns. Each step of the loop only moves
 * the points at the current extreme to the next value, so instead of rewriting the column and
 * recomputing skewness and kurtosis from scratch at every step, the plan keeps power sums around the
 * mean (Σd, Σd², Σd³, Σd⁴) and updates them for the points moved, using the few distinct values at
 * each end, gathered in one pass. It returns where the loop would stop: the cap at the top, the floor
 * at the bottom and nwin; winsorising is then one clamp. When the plan cannot be trusted — too few
 * distinct values, or a skewness or kurtosis within 1e-6 of its threshold, where rounding could tip a
 * decision — it returns undefined and the caller runs the loop on the data itself.
 *
 * @example planWinsorisation(x, { skew: 2, kurtosis: 3.5, winmax: 5 }) // { high: 30, low: -Infinity, nwin: 1 }
 */

export interface WinsorisePlan {
  /** Values above are set to it (Infinity: nothing moved at the top). */
  readonly high: number;
  /** Values below are set to it (-Infinity: nothing moved at the bottom). */
  readonly low: number;
  readonly nwin: number;
}

export interface PlanThresholds {
  readonly skew: number;
  readonly kurtosis: number;
  readonly winmax: number;
}

interface Levels {
  readonly values: number[];
  readonly counts: number[];
}

const SAFETY = 1e-6;

export function planWinsorisation(x: Float64Array, thresholds: PlanThresholds): WinsorisePlan | undefined {
  const k = thresholds.winmax + 1;
  const { n, mean, sums } = powerSums(x);
  const { top, bottom } = extremeLevelsBothEnds(x, k);
  const lowestTop = top.values[top.values.length - 1];
  const highestBottom = bottom.values[bottom.values.length - 1];
  // The two ends must be apart, each with k distinct values, or the steps could meet.
  if (
    top.values.length < k ||
    bottom.values.length < k ||
    lowestTop === undefined ||
    highestBottom === undefined
  ) {
    return undefined;
  }
  if (lowestTop <= highestBottom) return undefined;

  let first = moments(n, sums);
  if (first === undefined || nearThreshold(first, thresholds)) return undefined;
  let passing = passes(first, thresholds);
  let hi = 0;
  let lo = 0;
  let hiCount = top.counts[0] ?? 0;
  let loCount = bottom.counts[0] ?? 0;
  let lastHigh = 0;
  let lastLow = 0;
  let nwin = 0;
  while (!passing && nwin < thresholds.winmax) {
    const high = first.skew >= 0;
    const levels = high ? top : bottom;
    const at = high ? hi : lo;
    const from = levels.values[at];
    const to = levels.values[at + 1];
    if (from === undefined || to === undefined) return undefined;
    const moved = high ? hiCount : loCount;
    move(sums, moved, from - mean, to - mean);
    if (high) {
      lastHigh = moved;
      hi++;
      hiCount += levels.counts[hi] ?? 0;
    } else {
      lastLow = moved;
      lo++;
      loCount += levels.counts[lo] ?? 0;
    }
    nwin = lastHigh + lastLow;
    const next = moments(n, sums);
    if (next === undefined || nearThreshold(next, thresholds)) return undefined;
    first = next;
    passing = passes(next, thresholds);
  }
  return {
    high: hi > 0 ? (top.values[hi] ?? Infinity) : Infinity,
    low: lo > 0 ? (bottom.values[lo] ?? -Infinity) : -Infinity,
    nwin,
  };
}

/** Count, mean and Σd^j (j = 1…4) with d = x - mean, over the present values. */
function powerSums(x: Float64Array): { n: number; mean: number; sums: Float64Array } {
  const length = x.length;
  let total = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      total += v;
      n++;
    }
  }
  const mean = total / n;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      const d = v - mean;
      const d2 = d * d;
      s1 += d;
      s2 += d2;
      s3 += d2 * d;
      s4 += d2 * d2;
    }
  }
  return { n, mean, sums: Float64Array.of(s1, s2, s3, s4) };
}

/** The k most extreme distinct values at each end (top: largest first; bottom: smallest first), with counts, in one pass. */
function extremeLevelsBothEnds(x: Float64Array, k: number): { top: Levels; bottom: Levels } {
  const high = { values: [] as number[], counts: [] as number[] };
  const low = { values: [] as number[], counts: [] as number[] };
  const length = x.length;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v !== v) continue;
    keepExtreme(high, k, v);
    keepExtreme(low, k, -v);
  }
  return {
    top: { values: high.values, counts: high.counts },
    bottom: { values: low.values.map((v) => -v), counts: low.counts },
  };
}

/** One value's turn: v (negated for the bottom end) joins the k largest distinct values if it belongs. */
function keepExtreme(levels: { values: number[]; counts: number[] }, k: number, v: number): void {
  const { values, counts } = levels;
  const last = values[values.length - 1];
  if (values.length === k && last !== undefined && v < last) return;
  let at = 0;
  while (at < values.length && (values[at] ?? 0) > v) at++;
  if (values[at] === v) {
    counts[at] = (counts[at] ?? 0) + 1;
    return;
  }
  values.splice(at, 0, v);
  counts.splice(at, 0, 1);
  if (values.length > k) {
    values.pop();
    counts.pop();
  }
}

/** Moves `count` points from deviation a to deviation b in the power sums. */
function move(sums: Float64Array, count: number, a: number, b: number): void {
  sums[0] = (sums[0] ?? 0) + count * (b - a);
  sums[1] = (sums[1] ?? 0) + count * (b * b - a * a);
  sums[2] = (sums[2] ?? 0) + count * (b * b * b - a * a * a);
  sums[3] = (sums[3] ?? 0) + count * (b ** 4 - a ** 4);
}

interface Moments {
  readonly skew: number;
  readonly kurt: number;
}

/** e1071 type-2 skewness and kurtosis from the power sums, re-centred on the current mean. */
function moments(n: number, sums: Float64Array): Moments | undefined {
  const [s1 = 0, s2 = 0, s3 = 0, s4 = 0] = sums;
  const delta = s1 / n;
  const m2 = s2 - n * delta * delta;
  const m3 = s3 - 3 * delta * s2 + 2 * n * delta ** 3;
  const m4 = s4 - 4 * delta * s3 + 6 * delta * delta * s2 - 3 * n * delta ** 4;
  if (!(m2 > 0) || n < 4) return undefined;
  const skew = ((Math.sqrt(n) * m3) / Math.pow(m2, 1.5)) * (Math.sqrt(n * (n - 1)) / (n - 2));
  const r = (n * m4) / (m2 * m2);
  const kurt = (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return { skew, kurt };
}

function passes(m: Moments, t: PlanThresholds): boolean {
  return Math.abs(m.skew) < t.skew || m.kurt < t.kurtosis;
}

function nearThreshold(m: Moments, t: PlanThresholds): boolean {
  return (
    Math.abs(Math.abs(m.skew) - t.skew) <= SAFETY * t.skew ||
    Math.abs(m.kurt - t.kurtosis) <= SAFETY * Math.max(1, Math.abs(t.kurtosis)) ||
    Math.abs(m.skew) <= SAFETY
  );
}
