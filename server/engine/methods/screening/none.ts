/**
 * No screening: every unit is kept; availability is still measured for reports.
 *
 * @example { "method": "none" }
 */
import { paramsSchema } from '../param-schemas.js';
import { availability } from './availability.js';
import type { ScreeningMethod } from './contract.js';

export const none: ScreeningMethod<'none'> = {
  name: 'none',
  params: paramsSchema(),
  label: { zh: '不筛选', en: 'none' },
  explain: {
    zh: '所有单位都参与评分。',
    en: 'Every unit is scored.',
  },
  prepare: () => ({
    name: 'none',
    params: {},
    action: 'flag',
    basis: 'raw',
    run: (input) => ({ availability: availability(input), below: new Uint8Array(input.rowCount) }),
  }),
};
