/**
 * Normalisation bounds pooled over all periods (COINr's Normalise on a purse with global = TRUE), so
 * scores are comparable over time: min and max are taken over every unit in every period.
 *
 * @example { "method": "pooled" } // 3 periods → one block [0,3)
 */
import type { PeriodsMethod } from './contract.js';

export const pooled: PeriodsMethod<'pooled'> = {
  name: 'pooled',
  prepare: () => ({
    name: 'pooled',
    params: {},
    run: (periodCount) => (periodCount === 0 ? [] : [[0, periodCount] as const]),
  }),
};
