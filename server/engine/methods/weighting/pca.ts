/**
 * PCA weights: the squared loadings of the first principal component of the indicators' correlation
 * matrix (pairwise-complete Pearson correlations; an undefined one counts as 0), i.e. v_j² for the
 * unit eigenvector v of the largest eigenvalue; they sum to 1. Indicators that share the main common
 * factor weigh more.
 *
 * @example { "method": "pca" }
 * two perfectly correlated columns: correlation matrix [[1, 1], [1, 1]], v = [0.707, 0.707] → weights 0.5, 0.5
 */
import { paramsSchema } from '../param-schemas.js';
import { pearson } from '../../numeric/correlation.js';
import { symmetricEigen } from '../../numeric/eigen.js';
import type { WeightingMethod } from './contract.js';
import { dataDrivenWeights } from './data-driven.js';

export const pca: WeightingMethod<'pca'> = {
  name: 'pca',
  params: paramsSchema(),
  label: { zh: '主成分分析', en: 'PCA' },
  explain: {
    zh: '权重来自指标数据的第一主成分。',
    en: 'Weights come from the first principal component of the indicator data.',
  },
  prepare: () => ({
    name: 'pca',
    params: {},
    needsNonNegative: false,
    run: (input) => dataDrivenWeights(input, 'pca', pcaWeights),
  }),
};

export function pcaWeights(columns: readonly Float64Array[]): Float64Array {
  const correlation = columns.map((x, j) =>
    columns.map((y, k) => {
      if (j === k) return 1;
      const r = pearson(x, y);
      return r === r ? r : 0;
    }),
  );
  const first = symmetricEigen(correlation).vectors[0] ?? [];
  return Float64Array.from(first, (v) => v * v);
}
