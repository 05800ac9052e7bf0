/**
 * Z-score (COINr's n_zscore after x * direction): (x - mean) / sd * `sd` + `mean`, with the sample
 * standard deviation (n - 1); defaults mean 0, sd 1. A column without spread is left missing.
 *
 * @example { "method": "zscore" }
 * [1, 2, 3] → [-1, 0, 1] (mean 2, sample sd 1)
 */
import { paramsSchema } from '../param-schemas.js';
import { meanOf, sampleSdOf } from '../../numeric/summary.js';
import type { NormalisationMethod } from './contract.js';
import { markNoVariation } from './spread.js';

export const zscore: NormalisationMethod<'zscore'> = {
  name: 'zscore',
  params: paramsSchema({
    mean: { type: 'number' },
    sd: { type: 'number', exclusiveMinimum: 0 },
  }),
  label: { zh: 'Z 分数', en: 'z-score' },
  explain: {
    zh: '以与均值相差几个标准差计分。',
    en: 'Scores how many standard deviations a value lies from the mean.',
  },
  prepare(reader) {
    const targetMean = reader.number('mean', 0);
    const targetSd = reader.number('sd', 1, { above: 0 });
    return {
      name: 'zscore',
      params: { mean: targetMean, sd: targetSd },
      // Below-average units always score below `mean`: negative with the default 0.
      lowest: targetMean <= 0 ? -Infinity : undefined,
      censors: false,
      needs: 'nothing',
      run: (input, output, reasons, _flags, { direction }) => {
        const directed = direction === 1 ? input : input.map((v) => v * direction);
        const m = meanOf(directed);
        const sd = sampleSdOf(directed);
        if (!(sd > 0)) {
          markNoVariation(input, output, reasons);
          return { data: { mean: nullIfNaN(m), sd: nullIfNaN(sd) } };
        }
        for (let i = 0; i < input.length; i++)
          output[i] = (((directed[i] ?? NaN) - m) / sd) * targetSd + targetMean;
        return { data: { mean: m, sd } };
      },
    };
  },
};

function nullIfNaN(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
