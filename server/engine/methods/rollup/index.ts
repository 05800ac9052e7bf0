/**
 * The roll-up methods by name; the keys are exactly METHOD_NAMES.rollup.
 *
 * @example rollupMethods.population_weighted.name === 'population_weighted'
 */
import type { MethodName } from '../../method-names.js';
import type { RollupMethod } from './contract.js';
import { own_data } from './own_data.js';
import { pooled } from './pooled.js';
import { population_weighted } from './population_weighted.js';

export const rollupMethods: { readonly [N in MethodName<'rollup'>]: RollupMethod<N> } = {
  population_weighted,
  pooled,
  own_data,
};
