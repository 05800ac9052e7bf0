/**
 * Mazziotta–Pareto index (Mazziotta & Pareto 2016), which penalises unbalanced profiles: each child is
 * first standardised per period to z = 100 + 10 (x - mean) / sd (population sd; `standardise: false`
 * skips this for children already on a common positive scale); then per unit, over the children present
 * with weights rescaled to sum to 1, M = Σ w z, S = sqrt(Σ w (z - M)²), and MPI = M - S · S / M
 * (mean minus sd times coefficient of variation). M ≤ 0 has no coefficient of variation (domain_error).
 *
 * @example { "method": "mazziotta_pareto", "standardise": false }
 * children [90, 110] (M 100, S 10) → 99; balanced [100, 100] → 100
 */
import { paramsSchema } from '../param-schemas.js';
import { MissingCode } from '../../missing-reasons.js';
import { meanOf } from '../../numeric/summary.js';
import type { AggregationMethod } from './contract.js';
import { WeightedSums } from '../../numeric/weighted-sums.js';
import { presentWeightTotals } from './present-weights.js';

export const mazziotta_pareto: AggregationMethod<'mazziotta_pareto'> = {
  name: 'mazziotta_pareto',
  params: paramsSchema({ standardise: { type: 'boolean' } }),
  label: { zh: 'Mazziotta–Pareto 指数', en: 'Mazziotta–Pareto index' },
  explain: {
    zh: '均值减去对各项得分不均衡的惩罚。',
    en: 'The mean score minus a penalty for unbalanced scores.',
  },
  prepare(reader) {
    const standardise = reader.boolean('standardise', true);
    return {
      name: 'mazziotta_pareto',
      params: { standardise },
      needsPositive: false,
      run: (children, weights, output, reasons) => {
        const columns = standardise ? children.map(standardised) : children;
        const totals = presentWeightTotals(columns, weights);
        const sums = new WeightedSums(output.length);
        columns.forEach((column, j) => {
          const w = weights[j] ?? 0;
          column.forEach((z, i) => {
            if (z === z) sums.add(i, w, z);
          });
        });
        const mean = Float64Array.from(totals, (total, i) => sums.value(i) / total);
        const variance = new Float64Array(output.length);
        columns.forEach((column, j) => {
          const w = weights[j] ?? 0;
          column.forEach((z, i) => {
            if (z === z)
              variance[i] = (variance[i] ?? 0) + (w / (totals[i] ?? 0)) * (z - (mean[i] ?? 0)) ** 2;
          });
        });
        totals.forEach((total, i) => {
          const m = mean[i] ?? 0;
          if (!(total > 0)) {
            output[i] = Number.NaN;
          } else if (m <= 0) {
            output[i] = Number.NaN;
            reasons[i] = MissingCode.DomainError;
          } else {
            output[i] = m - (variance[i] ?? 0) / m;
          }
        });
      },
    };
  },
};

/** 100 + 10 z with the population sd; a child without spread becomes 100 everywhere it is present. */
function standardised(x: Float64Array): Float64Array {
  const m = meanOf(x);
  let squares = 0;
  let n = 0;
  for (const v of x) {
    if (v === v) {
      squares += (v - m) ** 2;
      n++;
    }
  }
  const sd = n > 0 ? Math.sqrt(squares / n) : 0;
  return x.map((v) => (sd > 0 ? 100 + (10 * (v - m)) / sd : v === v ? 100 : Number.NaN));
}
