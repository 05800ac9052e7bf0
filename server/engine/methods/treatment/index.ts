/**
 * The outlier-treatment methods by name; the keys are exactly METHOD_NAMES.treatment.
 *
 * @example treatmentMethods.winsorise_log.name === 'winsorise_log'
 */
import type { MethodName } from '../../method-names.js';
import type { TreatmentMethod } from './contract.js';
import { none } from './none.js';
import { winsorise_log } from './winsorise_log.js';

export const treatmentMethods: { readonly [N in MethodName<'treatment'>]: TreatmentMethod<N> } = {
  none,
  winsorise_log,
};
