/**
 * The outlier-treatment methods by name; METHOD_NAMES.treatment is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example treatmentMethods.winsorise_log.name === 'winsorise_log'
 */
import { none } from './none.js';
import { winsorise_log } from './winsorise_log.js';

export const treatmentMethods = {
  none,
  winsorise_log,
};
