/**
 * Percentile rank (COINr's n_prank after x * direction): (rank - 1) / (n - 1), with ranks as in `rank`
 * (ties "min", 1 = worst) and n the number of present values, so the worst scores 0 and the best 1.
 * A single present value has no percentile (no_variation).
 *
 * @example { "method": "percentile_rank" }
 * [10, 30, 20, 30, 40] → ranks [1, 3, 2, 3, 5] → [0, 0.5, 0.25, 0.5, 1]
 */
import { paramsSchema } from '../param-schemas.js';
import { ranksTiesMin } from '../../numeric/rank.js';
import { countPresent } from '../../numeric/summary.js';
import type { NormalisationMethod } from './contract.js';
import { markNoVariation } from './spread.js';

export const percentile_rank: NormalisationMethod<'percentile_rank'> = {
  name: 'percentile_rank',
  params: paramsSchema(),
  label: { zh: '百分位排名', en: 'percentile rank' },
  explain: {
    zh: '以不高于该单位数值的单位所占比例计分。',
    en: 'Scores each unit by the share of units it equals or beats.',
  },
  prepare: () => ({
    name: 'percentile_rank',
    params: {},
    lowest: 0,
    censors: false,
    needs: 'nothing',
    run: (input, output, reasons, _flags, { direction }) => {
      const n = countPresent(input);
      if (n < 2) {
        markNoVariation(input, output, reasons);
        return { data: { present: n } };
      }
      const ranks = ranksTiesMin(direction === 1 ? input : input.map((v) => -v), 'ascending');
      for (let i = 0; i < input.length; i++)
        output[i] = ranks[i] === 0 ? Number.NaN : ((ranks[i] ?? 0) - 1) / (n - 1);
      return { data: { present: n } };
    },
  }),
};
