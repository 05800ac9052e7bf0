/**
 * Min-max normalisation (COINr's n_minmax after x * direction): (x - min) / (max - min) * (u - l) + l
 * onto `range` [l, u], default [0, 100]. A column without spread is left missing (no_variation).
 *
 * @example { "method": "minmax", "range": [0, 100] }
 * [2, 4, 6] → [0, 50, 100]; with direction -1 → [100, 50, 0]
 */
import { paramsSchema, RANGE } from '../param-schemas.js';
import type { NormalisationMethod } from './contract.js';
import { directedRange, markNoVariation } from './spread.js';

export const minmax: NormalisationMethod<'minmax'> = {
  name: 'minmax',
  params: paramsSchema({ range: RANGE }),
  label: { zh: '最小–最大值法', en: 'min–max' },
  explain: {
    zh: '最小值得下限分、最大值得上限分，其余按比例。',
    en: 'The lowest value scores the low end of the range, the highest the high end, the rest in proportion.',
  },
  prepare(reader) {
    const range = reader.range('range', [0, 100]);
    const [l, u] = range;
    return {
      name: 'minmax',
      params: { range: [l, u] },
      lowest: l,
      censors: false,
      needs: 'nothing',
      run: (input, output, reasons, _flags, { direction }) => {
        const { min, max } = directedRange(input, direction);
        if (min === max) {
          markNoVariation(input, output, reasons);
          return { data: { min, max } };
        }
        for (let i = 0; i < input.length; i++) {
          output[i] = (((input[i] ?? NaN) * direction - min) / (max - min)) * (u - l) + l;
        }
        return { data: { min, max } };
      },
    };
  },
};
