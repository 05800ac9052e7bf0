/**
 * The normalisation methods by name; METHOD_NAMES.normalisation is derived from
 * these keys, so a new method is its file plus one line here.
 *
 * @example normalisationMethods.minmax.name === 'minmax'
 */
import { distance_to_max } from './distance_to_max.js';
import { distance_to_target } from './distance_to_target.js';
import { goalposts } from './goalposts.js';
import { minmax } from './minmax.js';
import { percentile_rank } from './percentile_rank.js';
import { rank } from './rank.js';
import { ratio_to_reference } from './ratio_to_reference.js';
import { vector_norm } from './vector_norm.js';
import { zscore } from './zscore.js';

export const normalisationMethods = {
  minmax,
  zscore,
  goalposts,
  rank,
  percentile_rank,
  distance_to_max,
  distance_to_target,
  ratio_to_reference,
  vector_norm,
};
