/**
 * The period-handling methods by name; METHOD_NAMES.periods is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example periodsMethods.pooled.name === 'pooled'
 */
import { per_period } from './per_period.js';
import { pooled } from './pooled.js';

export const periodsMethods = {
  per_period,
  pooled,
};
