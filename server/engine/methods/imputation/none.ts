/**
 * No imputation: missing values stay missing and aggregation skips them (the default).
 *
 * @example imputationMethods.none.prepare(reader, input).run(target) // { filled: 0, unfilled: 0 }
 */
import type { ImputationMethod } from './contract.js';

export const none: ImputationMethod<'none'> = {
  name: 'none',
  prepare: () => ({ name: 'none', params: {}, run: () => ({ filled: 0, unfilled: 0 }) }),
};
