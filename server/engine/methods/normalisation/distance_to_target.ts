/**
 * Distance to target (COINr's n_dist2targ after x * direction): 1 - (target - x) / (target - min),
 * with the target from each indicator's goalposts, so the worst unit scores 0 and a unit at the target
 * 1. With `cap_max` (default false, as COINr) values beyond the target are capped at 1 and flagged.
 * When the worst value already reaches the target the distance is undefined (division_by_zero).
 *
 * @example { "method": "distance_to_target", "cap_max": true } with target 10:
 * [2, 6, 10, 12] → [0, 0.5, 1, 1 (capped)]
 */
import { paramsSchema } from '../param-schemas.js';
import { CellFlag } from '../../flags.js';
import { MissingCode } from '../../missing-reasons.js';
import type { NormalisationMethod } from './contract.js';
import { directedRange } from './spread.js';

export const distance_to_target: NormalisationMethod<'distance_to_target'> = {
  name: 'distance_to_target',
  params: paramsSchema({ cap_max: { type: 'boolean' } }),
  label: { zh: '与目标的距离', en: 'distance to target' },
  explain: {
    zh: '以数值与指标目标值的差距计分。',
    en: "Scores how far a value is from the indicator's target.",
  },
  prepare(reader) {
    const capMax = reader.boolean('cap_max', false);
    return {
      name: 'distance_to_target',
      params: { cap_max: capMax },
      lowest: 0,
      censors: true,
      needs: 'goalposts',
      run: (input, output, reasons, flags, { direction, goalposts: posts }) => {
        const target = (posts?.target ?? Number.NaN) * direction;
        const { min } = directedRange(input, direction);
        for (let i = 0; i < input.length; i++) {
          const v = input[i] ?? NaN;
          if (v !== v) {
            output[i] = Number.NaN;
            continue;
          }
          if (target === min) {
            output[i] = Number.NaN;
            reasons[i] = MissingCode.DivisionByZero;
            continue;
          }
          const y = 1 - (target - v * direction) / (target - min);
          if (capMax && y > 1) {
            output[i] = 1;
            flags[i] = (flags[i] ?? 0) | CellFlag.Censored;
          } else {
            output[i] = y;
          }
        }
        return { data: { target: target * direction, min: min * direction } };
      },
    };
  },
};
