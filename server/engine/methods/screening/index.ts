/**
 * The screening methods by name; the keys are exactly METHOD_NAMES.screening.
 *
 * @example screeningMethods.by_availability.name === 'by_availability'
 */
import type { MethodName } from '../../method-names.js';
import { by_availability } from './by_availability.js';
import type { ScreeningMethod } from './contract.js';
import { none } from './none.js';

export const screeningMethods: { readonly [N in MethodName<'screening'>]: ScreeningMethod<N> } = {
  none,
  by_availability,
};
