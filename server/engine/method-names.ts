/**
 * The method names a framework may choose for each engine stage. Frameworks are validated
 * against these lists at load time; each name maps to one file under server/engine/methods/.
 *
 * @example METHOD_NAMES.normalisation.includes('minmax') === true
 */
export const METHOD_NAMES = {
  imputation: ['none', 'mean', 'median', 'group_mean', 'group_median', 'last_period'],
  screening: ['none', 'by_availability'],
  treatment: ['none', 'winsorise_log'],
  normalisation: [
    'minmax',
    'zscore',
    'goalposts',
    'rank',
    'percentile_rank',
    'distance_to_max',
    'distance_to_target',
    'ratio_to_reference',
  ],
  weighting: ['framework', 'equal', 'entropy', 'cv', 'critic', 'ahp', 'pca'],
  aggregation: ['arithmetic', 'geometric', 'harmonic', 'topsis', 'mazziotta_pareto'],
  rollup: ['population_weighted', 'pooled', 'own_data'],
  periods: ['per_period', 'pooled'],
} as const;

export type Stage = keyof typeof METHOD_NAMES;
export type MethodName<S extends Stage> = (typeof METHOD_NAMES)[S][number];

export function isMethodName<S extends Stage>(stage: S, name: string): name is MethodName<S> {
  return (METHOD_NAMES[stage] as readonly string[]).includes(name);
}
