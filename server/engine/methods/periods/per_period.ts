/**
 * Normalisation bounds per period: each period is normalised on its own (the default), so scores
 * compare units within a period.
 *
 * @example { "method": "per_period" } // 3 periods → blocks [0,1), [1,2), [2,3)
 */
import { paramsSchema } from '../param-schemas.js';
import type { PeriodsMethod } from './contract.js';

export const per_period: PeriodsMethod<'per_period'> = {
  name: 'per_period',
  params: paramsSchema(),
  label: { zh: '逐期', en: 'per period' },
  explain: {
    zh: '每一期分别计算标准化的上下限。',
    en: 'Normalisation bounds are computed for each period on its own.',
  },
  prepare: () => ({
    name: 'per_period',
    params: {},
    run: (periodCount) => Array.from({ length: periodCount }, (_, p) => [p, p + 1] as const),
  }),
};
