/**
 * Median imputation: a missing value becomes the median of the present values of the same indicator
 * in the same period (COINr's i_median); robust to the outliers treatment has not yet handled.
 *
 * @example values [1, NaN, 2, 9] → [1, 2, 2, 9] (the gap gets the median 2)
 */
import { medianOf } from '../../numeric/summary.js';
import { fillMissing, type ImputationMethod } from './contract.js';

export const median: ImputationMethod<'median'> = {
  name: 'median',
  prepare: () => ({
    name: 'median',
    params: {},
    run: (target) => {
      const m = medianOf(target.values);
      return fillMissing(target, () => m);
    },
  }),
};
