/**
 * Median imputation: a missing value becomes the median of the present values of the same indicator
 * in the same period (COINr's i_median); robust to the outliers treatment has not yet handled.
 *
 * @example values [1, NaN, 2, 9] → [1, 2, 2, 9] (the gap gets the median 2)
 */
import { paramsSchema } from '../param-schemas.js';
import { medianOf } from '../../numeric/summary.js';
import { fillMissing, type ImputationMethod } from './contract.js';

export const median: ImputationMethod<'median'> = {
  name: 'median',
  params: paramsSchema(),
  label: { zh: '中位数插补', en: 'median' },
  explain: {
    zh: '缺失值以同期所有单位的中位数填补。',
    en: 'A missing value becomes the median of all units in the same period.',
  },
  prepare: () => ({
    name: 'median',
    params: {},
    run: (target) => {
      const m = medianOf(target.values);
      return fillMissing(target, () => m);
    },
  }),
};
