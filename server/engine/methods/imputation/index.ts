/**
 * The imputation methods by name; METHOD_NAMES.imputation is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example imputationMethods['group_mean'].name === 'group_mean'
 */
import { group_mean } from './group_mean.js';
import { group_median } from './group_median.js';
import { interpolate } from './interpolate.js';
import { last_period } from './last_period.js';
import { mean } from './mean.js';
import { median } from './median.js';
import { none } from './none.js';

export const imputationMethods = {
  none,
  mean,
  median,
  group_mean,
  group_median,
  last_period,
  interpolate,
};
