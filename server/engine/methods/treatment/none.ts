/**
 * No outlier treatment: values pass through unchanged.
 *
 * @example { "method": "none" }
 */
import type { TreatmentMethod } from './contract.js';

export const none: TreatmentMethod<'none'> = {
  name: 'none',
  prepare: () => ({
    name: 'none',
    params: {},
    run: (x) => ({ values: x, flags: undefined, result: 'not_tested', details: {} }),
  }),
};
