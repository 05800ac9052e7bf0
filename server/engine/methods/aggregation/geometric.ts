/**
 * Weighted geometric mean (COINr's a_gmean): exp(Σ w_j ln x_j / Σ w_j) over the children present.
 * A child value ≤ 0 is refused with an error naming the unit and the indicator (COINr stops too),
 * rather than shifting the data silently.
 *
 * @example { "method": "geometric" }
 * children [4, 16] with weights [1, 1] → 8; [1, 100] with weights [1, 3] → 31.62
 */
import { paramsSchema } from '../param-schemas.js';
import { notPositive } from './positive-only.js';
import { productError } from '../../numeric/weighted-sums.js';
import type { AggregationContext, AggregationMethod } from './contract.js';

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
    byRow: true,
    run: (children, weights, output, _reasons, context) => {
      if (!geometricMean(children, weights, output)) throw firstNotPositive(children, context);
    },
  }),
};

/**
 * Row by row, Σ w_j ln x_j and Σ w_j over the present children, summed with compensation (the
 * arithmetic of WeightedSums.add, children in their order, as summing column by column does), then
 * exp of their ratio. Returns false, with the output unfinished, at a child value ≤ 0.
 */
function geometricMean(
  children: readonly Float64Array[],
  weights: Float64Array,
  output: Float64Array,
): boolean {
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
      if (x <= 0) return false;
      const w = weights[j] ?? 0;
      const wError = productError(w, 1, w);
      let sum = weightHigh + w;
      let z = sum - weightHigh;
      let sumError = weightHigh - (sum - z) + (w - z);
      weightHigh = sum;
      weightLow = weightLow + (sumError + wError);
      const l = Math.log(x);
      const p = w * l;
      const pError = productError(w, l, p);
      sum = high + p;
      z = sum - high;
      sumError = high - (sum - z) + (p - z);
      high = sum;
      low = low + (sumError + pError);
    }
    const total = weightHigh + weightLow;
    output[i] = total > 0 ? Math.exp((high + low) / total) : Number.NaN;
  }
  return true;
}

/** The error for the first value ≤ 0, child by child (the order the column-by-column sums met them). */
function firstNotPositive(children: readonly Float64Array[], context: AggregationContext): Error {
  for (let j = 0; j < children.length; j++) {
    const column = children[j] ?? new Float64Array(0);
    for (let i = 0; i < column.length; i++) {
      const x = column[i] ?? Number.NaN;
      if (x <= 0) return notPositive('geometric mean', context, i, j, x);
    }
  }
  return new Error('engine: geometric mean stopped without a value ≤ 0');
}
