/**
 * Coefficient-of-variation weights: each indicator's weight is proportional to sd / |mean| of its
 * normalised values (sample sd), so indicators that vary more across units weigh more. A column with
 * mean 0 has no coefficient of variation and weighs 0.
 *
 * @example { "method": "cv" }
 * columns [1, 2, 3] (cv 0.5) and [2, 4, 6] (cv 0.5) weigh the same; [10, 10, 10] weighs 0
 */
import { paramsSchema } from '../param-schemas.js';
import { meanOf, sampleSdOf } from '../../numeric/summary.js';
import type { WeightingMethod } from './contract.js';
import { dataDrivenWeights } from './data-driven.js';

export const cv: WeightingMethod<'cv'> = {
  name: 'cv',
  params: paramsSchema(),
  label: { zh: '变异系数法', en: 'coefficient of variation' },
  explain: {
    zh: '按变异系数（标准差与均值之比）分配权重。',
    en: 'Weights follow each indicator’s coefficient of variation (standard deviation over mean).',
  },
  prepare: () => ({
    name: 'cv',
    params: {},
    needsNonNegative: false,
    run: (input) =>
      dataDrivenWeights(input, 'cv', (columns) =>
        Float64Array.from(columns, (x) => {
          const m = Math.abs(meanOf(x));
          const sd = sampleSdOf(x);
          return m > 0 && sd === sd ? sd / m : 0;
        }),
      ),
  }),
};
