/**
 * Weighted geometric mean (COINr's a_gmean): exp(Σ w_j ln x_j / Σ w_j) over the children present.
 * A child value ≤ 0 is refused with an error naming the unit and the indicator (COINr stops too),
 * rather than shifting the data silently.
 *
 * @example { "method": "geometric" }
 * children [4, 16] with weights [1, 1] → 8; [1, 100] with weights [1, 3] → 31.62
 */
import type { AggregationMethod } from './contract.js';
import { notPositive } from './positive-only.js';
import { presentWeightTotals } from './present-weights.js';

export const geometric: AggregationMethod<'geometric'> = {
  name: 'geometric',
  prepare: () => ({
    name: 'geometric',
    params: {},
    needsPositive: true,
    run: (children, weights, output, _reasons, context) => {
      const totals = presentWeightTotals(children, weights);
      const logs = new Float64Array(output.length);
      children.forEach((column, j) => {
        const w = weights[j] ?? 0;
        column.forEach((x, i) => {
          if (x !== x) return;
          if (x <= 0) throw notPositive('geometric mean', context, i, j, x);
          logs[i] = (logs[i] ?? 0) + w * Math.log(x);
        });
      });
      totals.forEach((total, i) => {
        output[i] = total > 0 ? Math.exp((logs[i] ?? 0) / total) : Number.NaN;
      });
    },
  }),
};
