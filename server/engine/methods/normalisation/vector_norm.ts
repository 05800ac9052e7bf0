/**
 * Vector normalisation (Hwang & Yoon 1981, the first step of textbook TOPSIS): x / ‖x‖ with
 * ‖x‖ = sqrt(Σ x²) over the present values of the slice, after x * direction, so a lower-is-better
 * indicator gives negative values whose largest is the best (TOPSIS's ideal for a cost criterion,
 * at the same distances). With `topsis` aggregation a framework reproduces the textbook method. A
 * column of zeros has no norm and is left missing (no_variation).
 *
 * @example { "method": "vector_norm" }
 * [3, 4] → [0.6, 0.8]; with direction -1 → [-0.6, -0.8]
 */
import { paramsSchema } from '../param-schemas.js';
import type { NormalisationMethod } from './contract.js';
import { markNoVariation } from './spread.js';

export const vector_norm: NormalisationMethod<'vector_norm'> = {
  name: 'vector_norm',
  params: paramsSchema(),
  label: { zh: '向量归一化', en: 'vector normalisation' },
  explain: {
    zh: '以数值除以该指标所有数值平方和的平方根（TOPSIS 的经典做法）。',
    en: 'Divides each value by the square root of the sum of squares of the indicator (textbook TOPSIS).',
  },
  prepare: () => ({
    name: 'vector_norm',
    params: {},
    lowest: undefined,
    censors: false,
    needs: 'nothing',
    run: (input, output, reasons, _flags, { direction }) => {
      let squares = 0;
      for (const v of input) if (v === v) squares += v * v;
      const norm = Math.sqrt(squares);
      if (!(norm > 0) || !Number.isFinite(norm)) {
        markNoVariation(input, output, reasons);
        return { data: { norm: null } };
      }
      for (let i = 0; i < input.length; i++) output[i] = ((input[i] ?? Number.NaN) * direction) / norm;
      return { data: { norm } };
    },
  }),
};
