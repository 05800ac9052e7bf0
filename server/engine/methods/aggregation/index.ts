/**
 * The aggregation methods by name; the keys are exactly METHOD_NAMES.aggregation.
 *
 * @example aggregationMethods.geometric.needsPositive === true
 */
import type { MethodName } from '../../method-names.js';
import { arithmetic } from './arithmetic.js';
import type { AggregationMethod } from './contract.js';
import { geometric } from './geometric.js';
import { harmonic } from './harmonic.js';
import { mazziotta_pareto } from './mazziotta_pareto.js';
import { topsis } from './topsis.js';

export const aggregationMethods: { readonly [N in MethodName<'aggregation'>]: AggregationMethod<N> } = {
  arithmetic,
  geometric,
  harmonic,
  topsis,
  mazziotta_pareto,
};
