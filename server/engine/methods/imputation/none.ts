/**
 * No imputation: missing values stay missing and aggregation skips them (the default).
 *
 * @example imputationMethods.none.prepare(reader, input).run(target) // { filled: 0, unfilled: 0 }
 */
import { paramsSchema } from '../param-schemas.js';
import type { ImputationMethod } from './contract.js';

export const none: ImputationMethod<'none'> = {
  name: 'none',
  params: paramsSchema(),
  label: { zh: '不插补', en: 'none' },
  explain: {
    zh: '缺失值保持缺失。',
    en: 'Missing values stay missing.',
  },
  prepare: () => ({ name: 'none', params: {}, run: () => ({ filled: 0, unfilled: 0 }) }),
};
