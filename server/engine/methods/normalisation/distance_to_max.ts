/**
 * Distance to the maximum (COINr's n_dist2max after x * direction): 1 - (max - x) / (max - min), so
 * the best unit scores 1 and the worst 0. A column without spread is left missing (no_variation).
 *
 * @example { "method": "distance_to_max" }
 * [2, 4, 6] → [0, 0.5, 1]
 */
import { paramsSchema } from '../param-schemas.js';
import type { NormalisationMethod } from './contract.js';
import { directedRange, markNoVariation } from './spread.js';

export const distance_to_max: NormalisationMethod<'distance_to_max'> = {
  name: 'distance_to_max',
  params: paramsSchema(),
  label: { zh: '与最大值的距离', en: 'distance to the maximum' },
  explain: {
    zh: '以与最佳单位数值的差距计分。',
    en: 'Scores how far a value is from the best unit’s value.',
  },
  prepare: () => ({
    name: 'distance_to_max',
    params: {},
    lowest: 0,
    censors: false,
    needs: 'nothing',
    run: (input, output, reasons, _flags, { direction }) => {
      const { min, max } = directedRange(input, direction);
      if (min === max) {
        markNoVariation(input, output, reasons);
        return { data: { min, max } };
      }
      for (let i = 0; i < input.length; i++)
        output[i] = 1 - (max - (input[i] ?? NaN) * direction) / (max - min);
      return { data: { min, max } };
    },
  }),
};
