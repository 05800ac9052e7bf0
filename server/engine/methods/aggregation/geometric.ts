/**
 * Weighted geometric mean (COINr's a_gmean): exp(Σ w_j ln x_j / Σ w_j) over the children present.
 * A child value ≤ 0 is refused with an error naming the unit and the indicator (COINr stops too),
 * rather than shifting the data silently.
 *
 * @example { "method": "geometric" }
 * children [4, 16] with weights [1, 1] → 8; [1, 100] with weights [1, 3] → 31.62
 */
import { paramsSchema } from '../param-schemas.js';
import type { AggregationMethod } from './contract.js';
import { notPositive } from './positive-only.js';
import { WeightedSums } from '../../numeric/weighted-sums.js';
import { presentWeightTotals } from './present-weights.js';

export const geometric: AggregationMethod<'geometric'> = {
  name: 'geometric',
  params: paramsSchema(),
  label: { zh: '加权几何平均', en: 'weighted geometric mean' },
  explain: {
    zh: '各项得分按权重相乘再开方，弱项拉低更多。',
    en: 'Multiplies the weighted scores; a weak score pulls the total down more.',
  },
  prepare: () => ({
    name: 'geometric',
    params: {},
    needsPositive: true,
    run: (children, weights, output, _reasons, context) => {
      const totals = presentWeightTotals(children, weights);
      const rows = output.length;
      const logs = new WeightedSums(rows);
      children.forEach((column, j) => {
        const w = weights[j] ?? 0;
        for (let i = 0; i < rows; i++) {
          const x = column[i] ?? Number.NaN;
          if (x !== x) continue;
          if (x <= 0) throw notPositive('geometric mean', context, i, j, x);
          logs.add(i, w, Math.log(x));
        }
      });
      for (let i = 0; i < rows; i++) {
        const total = totals[i] ?? 0;
        output[i] = total > 0 ? Math.exp(logs.value(i) / total) : Number.NaN;
      }
    },
  }),
};
