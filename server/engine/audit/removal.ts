/**
 * What removing one element does to the index: for each indicator and each inner node in turn, the
 * evaluation is regenerated with that element's weight set to zero and the other weights as used
 * (COINr's remove_elements: "removing" means a zero weight, through the framework weighting method),
 * and the mean over units of |nominal rank − new rank| of the root is reported. Units without a rank
 * in either run are left out. An element whose siblings all weigh zero cannot be removed alone: NaN.
 * Weights change nothing before the weighting stage, so the regeneration starts from the result's
 * normalised values and runs only weight → aggregate → rank (the same stages runPipeline runs).
 *
 * @example removalEffects(input, result, 0) // [{ element: 'LPI', meanAbsRankChange: 0.43 }, …]
 */
import type { MethodChoices, EngineInput } from '../types.js';
import type { EngineResult } from '../result.js';
import { checkEverything } from '../pipeline.js';
import { aggregateStage } from '../stages/aggregate.js';
import { rankStage } from '../stages/rank.js';
import { weightStage } from '../stages/weight.js';
import { initialState, periodRows, type EngineState } from '../state.js';

export interface RemovalEffect {
  readonly element: string;
  readonly meanAbsRankChange: number;
}

export function removalEffects(input: EngineInput, result: EngineResult, period: number): RemovalEffect[] {
  const used = new Map<string, number>();
  const siblings = new Map<string, readonly string[]>();
  for (const { children, weights } of result.weights.values()) {
    children.forEach((child, j) => {
      used.set(child, weights[j] ?? 0);
      siblings.set(child, children);
    });
  }
  const nominal = rootRanks(result, period);
  const elements = [...result.indicatorIds, ...result.nodeIds.filter((id) => id !== result.root)];
  return elements.map((element) => {
    const others = (siblings.get(element) ?? []).filter((id) => id !== element);
    if (others.reduce((sum, id) => sum + (used.get(id) ?? 0), 0) <= 0) {
      return { element, meanAbsRankChange: Number.NaN };
    }
    const weights = Object.fromEntries([...used, [element, 0]]);
    const choices: MethodChoices = {
      ...result.choices,
      weighting: { method: 'framework', weights },
      rankIndicators: false,
    };
    return {
      element,
      meanAbsRankChange: meanAbsoluteChange(nominal, regeneratedRootRanks(input, result, choices, period)),
    };
  });
}

/** The root's ranks after weight → aggregate → rank over the result's normalised values with `choices`. */
function regeneratedRootRanks(
  input: EngineInput,
  result: EngineResult,
  choices: MethodChoices,
  period: number,
): Uint32Array {
  const { frame, prepared } = checkEverything(input, choices);
  const start: EngineState = {
    ...initialState(frame, []),
    sets: { normalised: result.normalised },
    current: result.normalised,
    flags: result.flags,
    rowFlags: result.rowFlags,
    availability: result.availability,
  };
  const ranked = rankStage(aggregateStage(weightStage(start, prepared), prepared), prepared);
  const ranks = ranked.ranks.get(frame.tree.root);
  if (ranks === undefined) throw new Error('audit: the regenerated result has no ranks of the root');
  return periodRows(ranks, period, result.unitCount);
}

function rootRanks(result: EngineResult, period: number): Uint32Array {
  const ranks = result.ranks.get(result.root);
  if (ranks === undefined) throw new Error('audit: the result has no ranks of the root');
  return periodRows(ranks, period, result.unitCount);
}

/** Mean |a − b| over the units ranked (rank > 0) in both. */
export function meanAbsoluteChange(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x === 0 || y === 0) continue;
    n++;
    sum += Math.abs(x - y);
  }
  return n === 0 ? Number.NaN : sum / n;
}
