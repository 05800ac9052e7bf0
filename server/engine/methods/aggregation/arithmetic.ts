/**
 * Weighted arithmetic mean (COINr's a_amean): the weights of the children present are rescaled to sum
 * to 1, then y = Σ w_j x_j. Missing children are skipped. The products are summed with compensation
 * and divided once by Σ w_j, so equal rational means give equal doubles (ties stay ties).
 *
 * @example { "method": "arithmetic" }
 * children [40, NaN, 70] with weights [1, 1, 2] → w = [1/3, 2/3] → 60
 */
import { paramsSchema } from '../param-schemas.js';
import type { AggregationMethod } from './contract.js';
import { WeightedSums } from '../../numeric/weighted-sums.js';
import { presentWeightTotals } from './present-weights.js';

export const arithmetic: AggregationMethod<'arithmetic'> = {
  name: 'arithmetic',
  params: paramsSchema(),
  label: { zh: '加权算术平均', en: 'weighted arithmetic mean' },
  explain: {
    zh: '各项得分按权重相加，强项可以弥补弱项。',
    en: 'Adds the weighted scores; a strong score can make up for a weak one.',
  },
  prepare: () => ({
    name: 'arithmetic',
    params: {},
    needsPositive: false,
    run: (children, weights, output) => {
      const totals = presentWeightTotals(children, weights);
      const rows = output.length;
      const sums = new WeightedSums(rows);
      children.forEach((column, j) => {
        const w = weights[j] ?? 0;
        for (let i = 0; i < rows; i++) {
          const x = column[i] ?? Number.NaN;
          if (x === x) sums.add(i, w, x);
        }
      });
      for (let i = 0; i < rows; i++) {
        const total = totals[i] ?? 0;
        output[i] = total > 0 ? sums.value(i) / total : Number.NaN;
      }
    },
  }),
};
