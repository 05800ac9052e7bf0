/**
 * The consistency of an AHP pairwise-comparison matrix as the engine computes it (Saaty's principal
 * eigenvector, λmax, CI and CR), for the evaluation form, which shows it live while the evaluator
 * types and again when the form is checked without JavaScript. Needs evaluations.run; the engine
 * checks the same matrix again when the evaluation runs.
 *
 * @example ahpConsistency(actor, [[1, 3], [1 / 3, 1]]) // { ok: true, weights: [0.75, 0.25], cr: 0, … }
 */
import type { AhpConsistency } from '../domain/evaluation-setup.js';
import { ahpMatrixProblems, ahpWeights } from '../engine/methods/weighting/ahp-matrix.js';
import { assertMay, type Actor } from './actor.js';

export function ahpConsistency(actor: Actor, matrix: readonly (readonly number[])[]): AhpConsistency {
  assertMay(actor, 'evaluations.run');
  const problems = ahpMatrixProblems(matrix, matrix.length);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...ahpWeights(matrix) };
}
