/**
 * Structural attributes as z-scores over the base units, so that a population in thousands and a
 * share between 0 and 1 weigh alike in a distance: z = (x − mean) / sd with the population standard
 * deviation over the units that have the attribute. An attribute every unit shares (sd = 0) adds
 * nothing to any distance (its z-scores are all 0). A missing value (NaN) stays NaN.
 *
 * @example standardise([Float64Array.of(1, 3)]).values // [[-1, 1]]
 */

export interface Standardised {
  /** Per attribute, the z-score of each unit (NaN where the unit lacks the attribute). */
  readonly values: readonly Float64Array[];
  /** Per attribute, the mean and population standard deviation used. */
  readonly means: readonly number[];
  readonly sds: readonly number[];
}

export function standardise(columns: readonly Float64Array[]): Standardised {
  const means: number[] = [];
  const sds: number[] = [];
  const values = columns.map((column) => {
    let n = 0;
    let sum = 0;
    for (const v of column) {
      if (v !== v) continue;
      n++;
      sum += v;
    }
    const mean = n === 0 ? Number.NaN : sum / n;
    let squares = 0;
    for (const v of column) if (v === v) squares += (v - mean) * (v - mean);
    const sd = n === 0 ? Number.NaN : Math.sqrt(squares / n);
    means.push(mean);
    sds.push(sd);
    return Float64Array.from(column, (v) => (v !== v ? Number.NaN : sd > 0 ? (v - mean) / sd : 0));
  });
  return { values, means, sds };
}
