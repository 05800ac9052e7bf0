/**
 * Weighted arithmetic mean (COINr's a_amean): the weights of the children present are rescaled to sum
 * to 1, then y = Σ w_j x_j. Missing children are skipped.
 *
 * @example { "method": "arithmetic" }
 * children [40, NaN, 70] with weights [1, 1, 2] → w = [1/3, 2/3] → 60
 */
import { paramsSchema } from '../param-schemas.js';
import type { AggregationMethod } from './contract.js';
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
      output.fill(0);
      children.forEach((column, j) => {
        const w = weights[j] ?? 0;
        for (let i = 0; i < rows; i++) {
          const x = column[i] ?? Number.NaN;
          if (x === x) output[i] = (output[i] ?? 0) + (w / (totals[i] ?? 0)) * x;
        }
      });
      for (let i = 0; i < rows; i++) if (!((totals[i] ?? 0) > 0)) output[i] = Number.NaN;
    },
  }),
};
