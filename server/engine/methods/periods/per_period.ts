/**
 * Normalisation bounds per period: each period is normalised on its own (the default), so scores
 * compare units within a period.
 *
 * @example { "method": "per_period" } // 3 periods → blocks [0,1), [1,2), [2,3)
 */
import type { PeriodsMethod } from './contract.js';

export const per_period: PeriodsMethod<'per_period'> = {
  name: 'per_period',
  prepare: () => ({
    name: 'per_period',
    params: {},
    run: (periodCount) => Array.from({ length: periodCount }, (_, p) => [p, p + 1] as const),
  }),
};
