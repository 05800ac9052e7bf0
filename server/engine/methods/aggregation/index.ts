/**
 * The aggregation methods by name; METHOD_NAMES.aggregation is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example aggregationMethods.geometric.needsPositive === true
 */
import { arithmetic } from './arithmetic.js';
import { geometric } from './geometric.js';
import { harmonic } from './harmonic.js';
import { mazziotta_pareto } from './mazziotta_pareto.js';
import { topsis } from './topsis.js';

export const aggregationMethods = {
  arithmetic,
  geometric,
  harmonic,
  topsis,
  mazziotta_pareto,
};
