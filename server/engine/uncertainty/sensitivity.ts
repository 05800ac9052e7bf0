/**
 * First-order and total sensitivity indices of the ranks to each factor, from a Saltelli design
 * (sobol.ts), for two outputs:
 *
 * - `rankShift`: one number per run, the mean absolute rank shift of the index against the nominal
 *   ranks over the unit-periods ranked in both (COINr's target output for its sensitivity analysis):
 *   "which choice moves the ranking as a whole".
 * - `unitRanks`: every unit-period's rank is an output; its partial variances are summed over the
 *   unit-periods before dividing (the aggregated Sobol indices of Gamboa, Janon, Klein & Lagnoux 2014,
 *   i.e. per-unit indices averaged with weights proportional to each unit's rank variance), over the
 *   unit-periods ranked in every run: "which choice explains the spread of the rank intervals".
 *
 * Indices are null when the output does not vary. Sampling error shrinks as 1/√N; small negative
 * first-order estimates are noise around 0.
 *
 * @example sensitivityAnalysis(records, ranks, rowCount, nominal, ['weights', 'aggregation'])
 */
import type { ReplicationRecord } from './record.js';
import { partialVariances, toIndices, type PartialVariances } from './sobol.js';
import type { FactorName } from './spec.js';

export interface FactorIndex {
  readonly factor: FactorName;
  readonly first: number | null;
  readonly total: number | null;
}

export interface SensitivityIndices {
  readonly variance: number;
  readonly factors: readonly FactorIndex[];
}

export interface SensitivityAnalysis {
  readonly rankShift: SensitivityIndices;
  /** Also says how many unit-periods (ranked in every run) entered. */
  readonly unitRanks: SensitivityIndices & { readonly rows: number };
}

export function sensitivityAnalysis(
  records: readonly ReplicationRecord[],
  ranks: Uint32Array,
  rowCount: number,
  nominal: Uint32Array,
  factors: readonly FactorName[],
): SensitivityAnalysis {
  const { a, b, ab } = designRuns(records, factors);
  const shift = (run: number): number =>
    meanAbsoluteShift(ranks.subarray(run * rowCount, (run + 1) * rowCount), nominal);
  const rankShift = named(
    factors,
    partialVariances(
      a.map(shift),
      b.map(shift),
      ab.map((runs) => runs.map(shift)),
    ),
  );

  const n = a.length;
  const yA = new Float64Array(n);
  const yB = new Float64Array(n);
  const yAB = factors.map(() => new Float64Array(n));
  const allRuns = [...a, ...b, ...ab.flat()];
  let variance = 0;
  const first = factors.map(() => 0);
  const total = factors.map(() => 0);
  let rows = 0;
  for (let row = 0; row < rowCount; row++) {
    if (allRuns.some((run) => (ranks[run * rowCount + row] ?? 0) === 0)) continue;
    const rankAt = (run: number): number => ranks[run * rowCount + row] ?? 0;
    for (let j = 0; j < n; j++) {
      yA[j] = rankAt(a[j] ?? 0);
      yB[j] = rankAt(b[j] ?? 0);
      factors.forEach((_, i) => {
        const y = yAB[i];
        if (y !== undefined) y[j] = rankAt(ab[i]?.[j] ?? 0);
      });
    }
    const parts = partialVariances(yA, yB, yAB);
    variance += parts.variance;
    parts.first.forEach((v, i) => (first[i] = (first[i] ?? 0) + v));
    parts.total.forEach((v, i) => (total[i] = (total[i] ?? 0) + v));
    rows++;
  }
  return { rankShift, unitRanks: { ...named(factors, { variance, first, total }), rows } };
}

/** The runs of A and B by sample, and of each AB_i by sample. */
function designRuns(
  records: readonly ReplicationRecord[],
  factors: readonly FactorName[],
): { a: number[]; b: number[]; ab: number[][] } {
  const a: number[] = [];
  const b: number[] = [];
  const ab = factors.map((): number[] => []);
  for (const record of records) {
    if (record.matrix === 'A') a[record.sample] = record.index;
    else if (record.matrix === 'B') b[record.sample] = record.index;
    else if (record.factor !== undefined) {
      const runs = ab[factors.indexOf(record.factor)];
      if (runs !== undefined) runs[record.sample] = record.index;
    }
  }
  const n = a.length;
  if (n === 0 || b.length !== n || ab.some((runs) => runs.length !== n)) {
    throw new Error('uncertainty: the records are not a complete Saltelli design');
  }
  return { a, b, ab };
}

/** Mean |rank − nominal rank| over rows ranked in both; 0 when none is. */
export function meanAbsoluteShift(ranks: Uint32Array, nominal: Uint32Array): number {
  let sum = 0;
  let count = 0;
  for (let row = 0; row < ranks.length; row++) {
    const r = ranks[row] ?? 0;
    const n = nominal[row] ?? 0;
    if (r === 0 || n === 0) continue;
    sum += Math.abs(r - n);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

function named(factors: readonly FactorName[], parts: PartialVariances): SensitivityIndices {
  const indices = toIndices(parts);
  return {
    variance: indices.variance,
    factors: factors.map((factor, i) => ({
      factor,
      first: indices.first[i] ?? null,
      total: indices.total[i] ?? null,
    })),
  };
}
