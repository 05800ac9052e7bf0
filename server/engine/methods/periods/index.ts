/**
 * The period-handling methods by name; the keys are exactly METHOD_NAMES.periods.
 *
 * @example periodsMethods.pooled.name === 'pooled'
 */
import type { MethodName } from '../../method-names.js';
import type { PeriodsMethod } from './contract.js';
import { per_period } from './per_period.js';
import { pooled } from './pooled.js';

export const periodsMethods: { readonly [N in MethodName<'periods'>]: PeriodsMethod<N> } = {
  per_period,
  pooled,
};
