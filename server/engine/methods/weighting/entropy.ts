/**
 * Entropy weights (熵权法): for each indicator j with n present normalised values x_ij ≥ 0,
 * p_ij = x_ij / Σ_i x_ij, e_j = -Σ_i p_ij ln p_ij / ln n (0 ln 0 = 0), and the weight is
 * proportional to the divergence 1 - e_j: indicators that separate units more weigh more.
 * Needs non-negative normalised values (refused with z-scores before any work).
 *
 * @example { "method": "entropy" }
 * columns [1, 1, 1, 1] and [0, 0, 0, 4]: e = 1 and 0, so the weights are 0 and 1
 */
import { paramsSchema } from '../param-schemas.js';
import type { WeightingMethod } from './contract.js';
import { dataDrivenWeights } from './data-driven.js';

export const entropy: WeightingMethod<'entropy'> = {
  name: 'entropy',
  params: paramsSchema(),
  label: { zh: '熵权法', en: 'entropy weights' },
  explain: {
    zh: '数据差异越大的指标权重越高。',
    en: 'Indicators that vary more across units weigh more.',
  },
  prepare: () => ({
    name: 'entropy',
    params: {},
    needsNonNegative: true,
    run: (input) => dataDrivenWeights(input, 'entropy', (columns) => Float64Array.from(columns, divergence)),
  }),
};

/** 1 - e_j for one column (0 when it has fewer than two present values or sums to zero). */
export function divergence(x: Float64Array): number {
  let n = 0;
  let total = 0;
  for (const v of x) {
    if (v === v) {
      n++;
      total += v;
    }
  }
  if (n < 2 || !(total > 0)) return 0;
  let sum = 0;
  for (const v of x) {
    if (v === v && v > 0) {
      const p = v / total;
      sum += p * Math.log(p);
    }
  }
  return 1 - -sum / Math.log(n);
}
