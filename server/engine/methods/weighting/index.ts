/**
 * The weighting methods by name; the keys are exactly METHOD_NAMES.weighting.
 *
 * @example weightingMethods.entropy.name === 'entropy'
 */
import type { MethodName } from '../../method-names.js';
import { ahp } from './ahp.js';
import type { WeightingMethod } from './contract.js';
import { critic } from './critic.js';
import { cv } from './cv.js';
import { entropy } from './entropy.js';
import { equal } from './equal.js';
import { framework } from './framework.js';
import { pca } from './pca.js';

export const weightingMethods: { readonly [N in MethodName<'weighting'>]: WeightingMethod<N> } = {
  framework,
  equal,
  entropy,
  cv,
  critic,
  ahp,
  pca,
};
