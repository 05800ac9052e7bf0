/**
 * Weighted harmonic mean (COINr's a_hmean): Σ w_j / Σ (w_j / x_j) over the children present.
 * A child value ≤ 0 is refused with an error naming the unit and the indicator.
 *
 * @example { "method": "harmonic" }
 * children [1, 4] with weights [1, 1] → 2 / (1 + 0.25) = 1.6
 */
import { paramsSchema } from '../param-schemas.js';
import type { AggregationMethod } from './contract.js';
import { notPositive } from './positive-only.js';
import { WeightedSums } from '../../numeric/weighted-sums.js';
import { presentWeightTotals } from './present-weights.js';

export const harmonic: AggregationMethod<'harmonic'> = {
  name: 'harmonic',
  params: paramsSchema(),
  label: { zh: '加权调和平均', en: 'weighted harmonic mean' },
  explain: {
    zh: '按权重取调和平均，最弱的一项影响最大。',
    en: 'A weighted harmonic mean; the weakest score counts most.',
  },
  prepare: () => ({
    name: 'harmonic',
    params: {},
    needsPositive: true,
    byRow: true,
    run: (children, weights, output, _reasons, context) => {
      const totals = presentWeightTotals(children, weights);
      const rows = output.length;
      const inverse = new WeightedSums(rows);
      children.forEach((column, j) => {
        const w = weights[j] ?? 0;
        for (let i = 0; i < rows; i++) {
          const x = column[i] ?? Number.NaN;
          if (x !== x) continue;
          if (x <= 0) throw notPositive('harmonic mean', context, i, j, x);
          inverse.add(i, w, 1 / x);
        }
      });
      for (let i = 0; i < rows; i++) {
        const total = totals[i] ?? 0;
        output[i] = total > 0 ? total / inverse.value(i) : Number.NaN;
      }
    },
  }),
};
