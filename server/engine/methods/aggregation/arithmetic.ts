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
import { productError } from '../../numeric/weighted-sums.js';

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
    byRow: true,
    run: (children, weights, output) => {
      arithmeticMean(children, weights, output);
    },
  }),
};

/**
 * Row by row, the present children's weights and weighted values summed with compensation (the
 * arithmetic of WeightedSums.add, children in their order): one pass over the children, no scratch
 * columns. The same operations in the same order as summing column by column, so the same doubles.
 */
export function arithmeticMean(
  children: readonly Float64Array[],
  weights: Float64Array,
  output: Float64Array,
): void {
  const rows = output.length;
  const k = children.length;
  for (let i = 0; i < rows; i++) {
    let high = 0;
    let low = 0;
    let weightHigh = 0;
    let weightLow = 0;
    for (let j = 0; j < k; j++) {
      const x = children[j]?.[i] ?? Number.NaN;
      if (x !== x) continue;
      const w = weights[j] ?? 0;
      // The weight: w · 1, as presentWeightTotals adds it.
      const wError = productError(w, 1, w);
      let sum = weightHigh + w;
      let z = sum - weightHigh;
      let sumError = weightHigh - (sum - z) + (w - z);
      weightHigh = sum;
      weightLow = weightLow + (sumError + wError);
      // The value: w · x.
      const p = w * x;
      const pError = productError(w, x, p);
      sum = high + p;
      z = sum - high;
      sumError = high - (sum - z) + (p - z);
      high = sum;
      low = low + (sumError + pError);
    }
    const total = weightHigh + weightLow;
    output[i] = total > 0 ? (high + low) / total : Number.NaN;
  }
}
