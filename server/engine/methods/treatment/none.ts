/**
 * No outlier treatment: values pass through unchanged.
 *
 * @example { "method": "none" }
 */
import { paramsSchema } from '../param-schemas.js';
import type { TreatmentMethod } from './contract.js';

export const none: TreatmentMethod<'none'> = {
  name: 'none',
  params: paramsSchema(),
  label: { zh: '不处理', en: 'none' },
  explain: {
    zh: '数值不做异常值处理。',
    en: 'Values are used as they are, without outlier treatment.',
  },
  prepare: () => ({
    name: 'none',
    params: {},
    run: (x) => ({ values: x, flags: undefined, result: 'not_tested', details: {} }),
  }),
};
