/**
 * The imputation methods by name; the keys are exactly METHOD_NAMES.imputation.
 *
 * @example imputationMethods['group_mean'].name === 'group_mean'
 */
import type { MethodName } from '../../method-names.js';
import type { ImputationMethod } from './contract.js';
import { group_mean } from './group_mean.js';
import { group_median } from './group_median.js';
import { last_period } from './last_period.js';
import { mean } from './mean.js';
import { median } from './median.js';
import { none } from './none.js';

export const imputationMethods: { readonly [N in MethodName<'imputation'>]: ImputationMethod<N> } = {
  none,
  mean,
  median,
  group_mean,
  group_median,
  last_period,
};
