/**
 * Group-median imputation: as group_mean, with the group's median (COINr's i_median_grp).
 *
 * @example { "method": "group_median", "group": "peer_group" }
 * values [1, 2, 9, NaN, 5, NaN] with groups [a, a, a, a, b, b] → [1, 2, 9, 2, 5, 5]
 */
import { paramsSchema } from '../param-schemas.js';
import { medianOf } from '../../numeric/summary.js';
import { fillMissing, type ImputationMethod } from './contract.js';
import { GROUP, groupStatistic, readGroupAttribute } from './group-statistic.js';

export const group_median: ImputationMethod<'group_median'> = {
  name: 'group_median',
  params: paramsSchema({ group: GROUP }, ['group']),
  label: { zh: '组内中位数插补', en: 'group median' },
  explain: {
    zh: '缺失值以同组单位同期的中位数填补。',
    en: 'A missing value becomes the median of the units in the same group in the same period.',
  },
  prepare(reader, input) {
    const group = readGroupAttribute(reader, input);
    return {
      name: 'group_median',
      params: { group },
      run: (target) => {
        const groups = target.groups(group);
        const medians = groupStatistic(target.values, groups, medianOf);
        return fillMissing(target, (unit) => {
          const g = groups.index[unit] ?? 0;
          return g < 0 ? Number.NaN : (medians[g] ?? NaN);
        });
      },
    };
  },
};
