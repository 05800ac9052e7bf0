/**
 * Rank normalisation (COINr's n_rank after x * direction): the rank of each value with ties sharing
 * the smallest rank, 1 = worst; missing values get no rank.
 *
 * @example { "method": "rank" }
 * [10, 30, 20, 30] → [1, 3, 2, 3]; with direction -1 → [4, 1, 3, 1]
 */
import { paramsSchema } from '../param-schemas.js';
import { ranksTiesMin } from '../../numeric/rank.js';
import type { NormalisationMethod } from './contract.js';

export const rank: NormalisationMethod<'rank'> = {
  name: 'rank',
  params: paramsSchema(),
  label: { zh: '排名', en: 'rank' },
  explain: {
    zh: '以单位在该指标上的名次计分。',
    en: 'Scores each unit by its rank on the indicator.',
  },
  prepare: () => ({
    name: 'rank',
    params: {},
    lowest: 1,
    censors: false,
    needs: 'nothing',
    run: (input, output, _reasons, _flags, { direction }) => {
      const ranks = ranksTiesMin(direction === 1 ? input : input.map((v) => -v), 'ascending');
      for (let i = 0; i < input.length; i++) output[i] = ranks[i] === 0 ? Number.NaN : (ranks[i] ?? 0);
      return { data: {} };
    },
  }),
};
