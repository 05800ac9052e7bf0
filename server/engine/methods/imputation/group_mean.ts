/**
 * Group-mean imputation: a missing value becomes the mean of the present values of the units in the
 * same group (a unit attribute such as a peer group, or "parent"), in the same period (COINr's
 * i_mean_grp). A unit with no group, or a group with no present value, stays missing.
 *
 * @example { "method": "group_mean", "group": "EurAsia_group" }
 * values [1, 3, NaN, 10, NaN] with groups [a, a, a, b, b] → [1, 3, 2, 10, 10]
 */
import { paramsSchema } from '../param-schemas.js';
import { meanOf } from '../../numeric/summary.js';
import { fillMissing, type ImputationMethod } from './contract.js';
import { GROUP, groupStatistic, readGroupAttribute } from './group-statistic.js';

export const group_mean: ImputationMethod<'group_mean'> = {
  name: 'group_mean',
  params: paramsSchema({ group: GROUP }, ['group']),
  label: { zh: '组内均值插补', en: 'group mean' },
  explain: {
    zh: '缺失值以同组（如同类组或上级单位）单位同期的均值填补。',
    en: 'A missing value becomes the mean of the units in the same group (a peer group or the parent unit) in the same period.',
  },
  prepare(reader, input) {
    const group = readGroupAttribute(reader, input);
    return {
      name: 'group_mean',
      params: { group },
      run: (target) => {
        const groups = target.groups(group);
        const means = groupStatistic(target.values, groups, meanOf);
        return fillMissing(target, (unit) => {
          const g = groups.index[unit] ?? 0;
          return g < 0 ? Number.NaN : (means[g] ?? NaN);
        });
      },
    };
  },
};
