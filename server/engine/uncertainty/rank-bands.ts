/**
 * Bands of units whose rank intervals overlap, per period: the units are taken in nominal rank order
 * and a unit joins the current band when the lower end of its interval (p5) is at most the largest
 * upper end (p95) seen so far in the band; otherwise it opens the next band. Units in one band cannot be told apart by rank, so pages show them as a band
 * rather than an order. Intervals are taken as the whole ranks they cover (p5 rounded down, p95
 * rounded up), as the pages print them. Units without a nominal rank or an interval get band 0.
 *
 * Each row gets its band's number (1, 2, … within the period) and the nominal ranks of the band's
 * first and last unit.
 *
 * @example
 * // one period, nominal ranks 1–5, intervals [1,3] [2,4] [5,6] [5,7] [8,8]
 * rankBands(Uint32Array.of(1, 2, 3, 4, 5), p5, p95, 5).band // [1, 1, 2, 2, 3]
 */

export interface RankBands {
  /** 1, 2, … in rank order within the period; 0 = in no band. */
  readonly band: Uint32Array;
  /** The nominal rank of the band's first and last unit (0 = in no band). */
  readonly first: Uint32Array;
  readonly last: Uint32Array;
}

/** Rows are period-major: row = period × unitCount + unit. */
export function rankBands(
  nominal: Uint32Array,
  p5: Float64Array,
  p95: Float64Array,
  unitCount: number,
): RankBands {
  const rowCount = nominal.length;
  const band = new Uint32Array(rowCount);
  const first = new Uint32Array(rowCount);
  const last = new Uint32Array(rowCount);
  const periodCount = unitCount === 0 ? 0 : rowCount / unitCount;
  for (let p = 0; p < periodCount; p++) {
    const rows: number[] = [];
    for (let u = 0; u < unitCount; u++) {
      const row = p * unitCount + u;
      if ((nominal[row] ?? 0) > 0 && Number.isFinite(p5[row]) && Number.isFinite(p95[row])) rows.push(row);
    }
    rows.sort((a, b) => (nominal[a] ?? 0) - (nominal[b] ?? 0) || a - b);
    let number = 0;
    let reach = Number.NEGATIVE_INFINITY;
    let members: number[] = [];
    const close = (): void => {
      const from = nominal[members[0] ?? 0] ?? 0;
      const to = nominal[members[members.length - 1] ?? 0] ?? 0;
      for (const row of members) {
        first[row] = from;
        last[row] = to;
      }
    };
    for (const row of rows) {
      const low = Math.floor(p5[row] ?? 0);
      const high = Math.ceil(p95[row] ?? 0);
      if (members.length === 0 || low > reach) {
        if (members.length > 0) close();
        number++;
        members = [];
        reach = high;
      } else reach = Math.max(reach, high);
      members.push(row);
      band[row] = number;
    }
    if (members.length > 0) close();
  }
  return { band, first, last };
}
