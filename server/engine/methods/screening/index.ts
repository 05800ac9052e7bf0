/**
 * The screening methods by name; METHOD_NAMES.screening is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example screeningMethods.by_availability.name === 'by_availability'
 */
import { by_availability } from './by_availability.js';
import { none } from './none.js';

export const screeningMethods = {
  none,
  by_availability,
};
