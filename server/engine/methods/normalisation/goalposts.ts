/**
 * Goalposts (SDG-Index style): (x - floor) / (target - floor), censored to [0, 1] (censored cells are
 * flagged), then mapped onto `range`, default [0, 100]. Floor and target come from each indicator's
 * definition, in its own unit; for a "lower is better" indicator the target is below the floor, so the
 * same formula handles both directions.
 *
 * @example { "method": "goalposts" } with floor 50, target 100:
 * 40 → 0 (censored), 75 → 50, 100 → 100, 120 → 100 (censored)
 */
import { paramsSchema, RANGE } from '../param-schemas.js';
import { CellFlag } from '../../flags.js';
import type { NormalisationMethod } from './contract.js';

export const goalposts: NormalisationMethod<'goalposts'> = {
  name: 'goalposts',
  params: paramsSchema({ range: RANGE }),
  label: { zh: '目标距离（上下限）', en: 'goalposts' },
  explain: {
    zh: '在指标规定的下限与目标之间按比例计分，超出部分截断。',
    en: "Scores a value between the indicator's floor and target, censoring values beyond them.",
  },
  prepare(reader) {
    const range = reader.range('range', [0, 100]);
    const [l, u] = range;
    return {
      name: 'goalposts',
      params: { range: [l, u] },
      lowest: l,
      censors: true,
      needs: 'goalposts',
      run: (input, output, _reasons, flags, { goalposts: posts }) => {
        // The stage refuses this method before any work when an indicator has no goalposts.
        const floor = posts?.floor ?? Number.NaN;
        const target = posts?.target ?? Number.NaN;
        for (let i = 0; i < input.length; i++) {
          const v = input[i] ?? NaN;
          if (v !== v) {
            output[i] = Number.NaN;
            continue;
          }
          let y = (v - floor) / (target - floor);
          if (y > 1 || y < 0) {
            y = y > 1 ? 1 : 0;
            flags[i] = (flags[i] ?? 0) | CellFlag.Censored;
          }
          output[i] = y * (u - l) + l;
        }
        return { data: { floor, target } };
      },
    };
  },
};
