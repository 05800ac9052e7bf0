/**
 * Shared by the pooled and own_data roll-ups: scores one level of parent units with the same tree and
 * methods as their children, except that parents are neither imputed nor screened (they have no peer
 * groups of their own), and that every node keeps the weights the children were scored with, so a
 * data-driven weighting is not re-estimated on a handful of parents.
 *
 * @example scoreParents(input, result, choices, { codes: ['s1', 's2'] }, periods).scores.values.get('index')
 */
import type { ResolvedChoices } from '../../choices.js';
import { runPipeline } from '../../pipeline.js';
import type { EngineResult } from '../../result.js';
import type { EngineInput, EnginePeriod, EngineUnits, MethodChoices } from '../../types.js';

export function scoreParents(
  input: EngineInput,
  result: EngineResult,
  choices: ResolvedChoices,
  units: EngineUnits,
  periods: readonly EnginePeriod[],
): EngineResult {
  const weights: Record<string, number> = {};
  for (const { children, weights: w } of result.weights.values()) {
    children.forEach((child, j) => {
      weights[child] = w[j] ?? 0;
    });
  }
  const parentChoices: MethodChoices = {
    treatment: choices.treatment,
    normalisation: choices.normalisation,
    aggregation: choices.aggregation,
    periods: choices.periods,
    imputation: { method: 'none' },
    screening: { method: 'none' },
    weighting: { method: 'framework', weights },
  };
  return runPipeline(
    { units, periods, tree: input.tree, ...(input.variables ? { variables: input.variables } : {}) },
    parentChoices,
  );
}
