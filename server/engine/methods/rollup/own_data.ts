/**
 * Own-data roll-up: each level of parent units is scored from its own records (input.parentData, one
 * entry per level, the streets' own survey for instance), among themselves, with the same methods and
 * weights as the units below. Refused before any work when the parents' data are missing.
 *
 * @example { "method": "own_data" } with parentData [{ units: streets, periods: streetPeriods }]
 */
import { paramsSchema } from '../param-schemas.js';
import type { RollupMethod } from './contract.js';
import { scoreParents } from './parent-pipeline.js';

export const own_data: RollupMethod<'own_data'> = {
  name: 'own_data',
  params: paramsSchema(),
  label: { zh: '采用本级数据', en: 'the unit’s own data' },
  explain: {
    zh: '上级单位用自己的数据评分。',
    en: 'A parent is scored on its own data.',
  },
  prepare(reader, input) {
    if (input.parentData === undefined || input.parentData.length === 0) {
      reader.problem(
        'method',
        "own_data needs the parent units' own records (input.parentData), level by level",
      );
    }
    return {
      name: 'own_data',
      params: {},
      run: ({ input: data, result, choices }) =>
        (data.parentData ?? []).map((level) => {
          const scored = scoreParents(data, result, choices, level.units, level.periods);
          return {
            codes: level.units.codes,
            scores: scored.scores.values,
            raw: scored.raw.values,
            normalised: scored.normalised.values,
            notes: [],
          };
        }),
    };
  },
};
