/**
 * Last observation carried forward: a missing value becomes the unit's value for the same indicator
 * in the previous period (itself possibly carried forward). In the first period nothing is filled.
 *
 * @example periods 2023 [4, 7] and 2024 [NaN, 8] → 2024 becomes [4, 8]
 */
import { paramsSchema } from '../param-schemas.js';
import { fillMissing, type ImputationMethod } from './contract.js';

export const last_period: ImputationMethod<'last_period'> = {
  name: 'last_period',
  params: paramsSchema(),
  label: { zh: '沿用上期数值', en: 'last period carried forward' },
  explain: {
    zh: '缺失值沿用该单位上一期的数值。',
    en: "A missing value takes the unit's value from the previous period.",
  },
  prepare: () => ({
    name: 'last_period',
    params: {},
    run: (target) => {
      const previous = target.previous;
      return fillMissing(target, (unit) => (previous === undefined ? Number.NaN : (previous[unit] ?? NaN)));
    },
  }),
};
