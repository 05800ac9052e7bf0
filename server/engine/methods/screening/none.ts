/**
 * No screening: every unit is kept; availability is still measured for reports.
 *
 * @example { "method": "none" }
 */
import { availability } from './availability.js';
import type { ScreeningMethod } from './contract.js';

export const none: ScreeningMethod<'none'> = {
  name: 'none',
  prepare: () => ({
    name: 'none',
    params: {},
    action: 'flag',
    basis: 'raw',
    run: (input) => ({ availability: availability(input), below: new Uint8Array(input.rowCount) }),
  }),
};
