/**
 * The roll-up methods by name; METHOD_NAMES.rollup is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example rollupMethods.population_weighted.name === 'population_weighted'
 */
import { own_data } from './own_data.js';
import { pooled } from './pooled.js';
import { population_weighted } from './population_weighted.js';

export const rollupMethods = {
  population_weighted,
  pooled,
  own_data,
};
