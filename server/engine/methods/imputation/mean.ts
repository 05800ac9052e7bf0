/**
 * Mean imputation: a missing value becomes the mean of the present values of the same indicator in
 * the same period (COINr's i_mean).
 *
 * @example values [2, NaN, 4] → [2, 3, 4] (the gap gets the mean 3)
 */
import { paramsSchema } from '../param-schemas.js';
import { meanOf } from '../../numeric/summary.js';
import { fillMissing, type ImputationMethod } from './contract.js';

export const mean: ImputationMethod<'mean'> = {
  name: 'mean',
  params: paramsSchema(),
  label: { zh: '均值插补', en: 'mean' },
  explain: {
    zh: '缺失值以同期所有单位的均值填补。',
    en: 'A missing value becomes the mean of all units in the same period.',
  },
  prepare: () => ({
    name: 'mean',
    params: {},
    run: (target) => {
      const m = meanOf(target.values);
      return fillMissing(target, () => m);
    },
  }),
};
