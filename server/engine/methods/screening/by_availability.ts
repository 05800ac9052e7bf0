/**
 * Screening by data availability (COINr's Screen with unit_screen = "byNA"): a unit is kept in a
 * period if its share of present indicators is at least `threshold`; otherwise it is dropped from
 * every later stage (`action: "drop"`) or kept and flagged (`"flag"`). `basis: "imputed"` screens after
 * imputation, as COINr's ASEM example does; the default `"raw"` screens before it.
 *
 * @example { "method": "by_availability", "threshold": 0.9, "action": "drop" }
 * with 49 indicators: 44 present (0.898) falls below, 45 present (0.918) is kept
 */
import { paramsSchema } from '../param-schemas.js';
import { availability } from './availability.js';
import type { ScreeningMethod } from './contract.js';

export const by_availability: ScreeningMethod<'by_availability'> = {
  name: 'by_availability',
  params: paramsSchema({
    threshold: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      title: 'the share of indicators a unit must have, in (0, 1]',
    },
    action: { enum: ['flag', 'drop'] },
    basis: { enum: ['raw', 'imputed'] },
  }),
  label: { zh: '按数据可得率', en: 'by data availability' },
  explain: {
    zh: '数据可得率低于阈值的单位被标记或剔除。',
    en: 'Units with less than the threshold share of their data are flagged or dropped.',
  },
  prepare(reader) {
    const threshold = reader.number('threshold', 0.66, { min: 0, max: 1 });
    const action = reader.oneOf('action', ['drop', 'flag'] as const, 'flag');
    const basis = reader.oneOf('basis', ['raw', 'imputed'] as const, 'raw');
    return {
      name: 'by_availability',
      params: { threshold, action, basis },
      action,
      basis,
      run: (input) => {
        const share = availability(input);
        const below = new Uint8Array(input.rowCount);
        for (let i = 0; i < input.rowCount; i++) below[i] = (share[i] ?? NaN) < threshold ? 1 : 0;
        return { availability: share, below };
      },
    };
  },
};
