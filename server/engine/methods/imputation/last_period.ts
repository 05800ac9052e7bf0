/**
 * Last observation carried forward: a missing value becomes the unit's value for the same indicator
 * in the previous period (itself possibly carried forward). In the first period nothing is filled.
 *
 * @example periods 2023 [4, 7] and 2024 [NaN, 8] → 2024 becomes [4, 8]
 */
import { fillMissing, type ImputationMethod } from './contract.js';

export const last_period: ImputationMethod<'last_period'> = {
  name: 'last_period',
  prepare: () => ({
    name: 'last_period',
    params: {},
    run: (target) => {
      const previous = target.previous;
      return fillMissing(target, (unit) => (previous === undefined ? Number.NaN : (previous[unit] ?? NaN)));
    },
  }),
};
