/**
 * Normalisation bounds pooled over all periods (COINr's Normalise on a purse with global = TRUE), so
 * scores are comparable over time: min and max are taken over every unit in every period.
 *
 * @example { "method": "pooled" } // 3 periods → one block [0,3)
 */
import { paramsSchema } from '../param-schemas.js';
import type { PeriodsMethod } from './contract.js';

export const pooled: PeriodsMethod<'pooled'> = {
  name: 'pooled',
  params: paramsSchema(),
  label: { zh: '多期合并', en: 'pooled over periods' },
  explain: {
    zh: '各期合并计算同一组标准化上下限，得分可跨期比较。',
    en: 'Normalisation bounds are computed over all periods together, so scores compare across periods.',
  },
  prepare: () => ({
    name: 'pooled',
    params: {},
    run: (periodCount) => (periodCount === 0 ? [] : [[0, periodCount] as const]),
  }),
};
