/**
 * PCA weights from the first principal component of the indicators' correlation matrix
 * (pairwise-complete Pearson correlations; an undefined one counts as 0), v the unit eigenvector of
 * the largest eigenvalue. Two conventions, chosen by `loadings`:
 * - `squared` (the default): v_j², which sum to 1 — the share of PC1's variance each indicator
 *   carries, as in the OECD/JRC Handbook's factor-analysis weights;
 * - `pc1`: the loadings v_j themselves, oriented so that they sum to a positive number and rescaled to
 *   sum to 1 — COINr's get_PCA weights. A loading that stays negative would turn an indicator against
 *   its direction, so such a node keeps its framework weights, with a note.
 * Squaring flattens small loadings towards 0 and raises large ones; pc1 weighs more evenly.
 *
 * @example { "method": "pca", "loadings": "pc1" }
 * correlation [[1, 0.5], [0.5, 1]]: v = [0.707, 0.707] → squared 0.5, 0.5; pc1 0.5, 0.5
 */
import { paramsSchema } from '../param-schemas.js';
import { pearson } from '../../numeric/correlation.js';
import { symmetricEigen } from '../../numeric/eigen.js';
import type { WeightingMethod } from './contract.js';
import { dataDrivenWeights } from './data-driven.js';

export const pca: WeightingMethod<'pca'> = {
  name: 'pca',
  params: paramsSchema({
    loadings: { enum: ['squared', 'pc1'], title: 'squared (v², the default) or pc1 (COINr: v)' },
  }),
  label: { zh: '主成分分析', en: 'PCA' },
  explain: {
    zh: '权重来自指标数据的第一主成分。',
    en: 'Weights come from the first principal component of the indicator data.',
  },
  prepare(reader) {
    const loadings = reader.oneOf('loadings', ['squared', 'pc1'] as const, 'squared');
    return {
      name: 'pca',
      params: { loadings },
      needsNonNegative: false,
      run: (input) => dataDrivenWeights(input, 'pca', loadings === 'pc1' ? pc1Weights : pcaWeights),
    };
  },
};

/** The first principal component's unit eigenvector (empty for no columns). */
function firstComponent(columns: readonly Float64Array[]): readonly number[] {
  const correlation = columns.map((x, j) =>
    columns.map((y, k) => {
      if (j === k) return 1;
      const r = pearson(x, y);
      return r === r ? r : 0;
    }),
  );
  return symmetricEigen(correlation).vectors[0] ?? [];
}

/** COINr's convention: PC1's loadings, oriented to a positive sum, or why they cannot be weights. */
export function pc1Weights(columns: readonly Float64Array[]): Float64Array | string {
  const v = firstComponent(columns);
  const sign = v.reduce((s, x) => s + x, 0) < 0 ? -1 : 1;
  const oriented = Float64Array.from(v, (x) => x * sign);
  if (oriented.some((x) => x < 0)) return 'a first-component loading is negative';
  return oriented;
}

export function pcaWeights(columns: readonly Float64Array[]): Float64Array {
  return Float64Array.from(firstComponent(columns), (v) => v * v);
}
