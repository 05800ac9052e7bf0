/**
 * The weighting methods by name; METHOD_NAMES.weighting is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example weightingMethods.entropy.name === 'entropy'
 */
import { ahp } from './ahp.js';
import { critic } from './critic.js';
import { cv } from './cv.js';
import { entropy } from './entropy.js';
import { equal } from './equal.js';
import { framework } from './framework.js';
import { pca } from './pca.js';

export const weightingMethods = {
  framework,
  equal,
  entropy,
  cv,
  critic,
  ahp,
  pca,
};
