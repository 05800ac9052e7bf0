/**
 * The method choices of a self-evaluation (one community over its own periods): the framework's,
 * except where a choice would judge the community against other communities' data or against a
 * spread it does not have. Normalisation is always goalposts (absolute: the framework's floor and
 * target), outlier treatment is off (goalposts censor; winsorising one unit's own periods would bend
 * its history), data-driven weights (entropy, CV, CRITIC, PCA) fall back to the framework's, and an
 * aggregation that needs every unit (TOPSIS, Mazziotta–Pareto) falls back to the weighted arithmetic
 * mean. Each change is named by a note code for the page.
 *
 * @example selfChoices({ normalisation: { method: 'minmax' } }).notes // ['normalisation_goalposts']
 */
import type { MethodChoices } from '../types.js';

/** Weightings that do not read the data. */
const FIXED_WEIGHTS: ReadonlySet<string> = new Set(['framework', 'equal', 'ahp']);
/** Aggregations that score a row from that row alone. */
const ROW_AGGREGATIONS: ReadonlySet<string> = new Set(['arithmetic', 'geometric', 'harmonic']);

export const SELF_METHOD_NOTES = [
  'normalisation_goalposts',
  'treatment_none',
  'weighting_framework',
  'aggregation_arithmetic',
] as const;
export type SelfMethodNote = (typeof SELF_METHOD_NOTES)[number];

export function selfChoices(framework: MethodChoices): { choices: MethodChoices; notes: SelfMethodNote[] } {
  const notes: SelfMethodNote[] = ['normalisation_goalposts'];
  const treatment = framework.treatment?.method ?? 'none';
  if (treatment !== 'none') notes.push('treatment_none');
  const weighting = framework.weighting?.method ?? 'framework';
  const keepWeights = FIXED_WEIGHTS.has(weighting);
  if (!keepWeights) notes.push('weighting_framework');
  const aggregation = framework.aggregation?.method ?? 'arithmetic';
  const keepAggregation = ROW_AGGREGATIONS.has(aggregation);
  if (!keepAggregation) notes.push('aggregation_arithmetic');
  const choices: MethodChoices = {
    ...(framework.imputation === undefined ? {} : { imputation: framework.imputation }),
    ...(framework.screening === undefined ? {} : { screening: framework.screening }),
    ...(framework.periods === undefined ? {} : { periods: framework.periods }),
    treatment: { method: 'none' },
    normalisation: { method: 'goalposts', range: [0, 100] },
    weighting:
      keepWeights && framework.weighting !== undefined ? framework.weighting : { method: 'framework' },
    aggregation:
      keepAggregation && framework.aggregation !== undefined
        ? framework.aggregation
        : { method: 'arithmetic' },
  };
  return { choices, notes };
}
