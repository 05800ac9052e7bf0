/**
 * The weakest-link what-if (短板): for each indicator on which a unit is below its peer group's
 * median, lift its normalised value to that median, score the tree again and see how far the index
 * and the rank would move. The largest rank gains come first (then the largest score gains).
 *
 * The change in score is the difference between the re-scored and the original tree (only the nodes
 * above the lifted indicator change, so only they are scored again), added to the unit's actual
 * index score, so a rolled-up unit (a street, a district) gets the same first-order estimate as a
 * community.
 *
 * @example
 * // index = mean of a and b; the unit has a = 40, b = 80 (score 60); peers' median of a is 60:
 * // lifting a to 60 raises the index by 10 to 70, ahead of one unit at 65 → rank 3 → 2.
 */
import { rankAfter } from './rank-after.js';
import { aggregateRow } from './aggregate-row.js';
import { scoreTree, type NodeWeights } from './score-tree.js';

export interface ImprovementInput {
  readonly weights: NodeWeights;
  /** Inner nodes, children before parents, the root last. */
  readonly order: readonly string[];
  readonly root: string;
  readonly method: string;
  readonly indicators: readonly string[];
  /** The unit's normalised value and its peers' median, per indicator (NaN when missing). */
  readonly normalised: (indicator: string) => number;
  readonly peerMedian: (indicator: string) => number;
  /** The unit's index score and rank as published. */
  readonly score: number;
  readonly rank: number;
  /** Every index score of the ranking the rank belongs to, highest first. */
  readonly ranking: Float64Array;
}

export interface ImprovementOption {
  readonly indicator: string;
  readonly from: number;
  readonly to: number;
  readonly scoreGain: number;
  readonly newScore: number;
  readonly newRank: number;
  readonly rankGain: number;
}

export function improvementOptions(input: ImprovementInput): ImprovementOption[] {
  if (!Number.isFinite(input.score)) return [];
  const { weights, method, normalised, root } = input;
  const tree = scoreTree(weights, input.order, normalised, method);
  const base = tree.get(root);
  if (base === undefined || !Number.isFinite(base)) return [];
  const parentOf = new Map<string, string>();
  for (const [node, spec] of Object.entries(weights))
    for (const child of spec.children) parentOf.set(child, node);
  const value = (id: string): number => tree.get(id) ?? normalised(id);
  /** The root's score with one indicator changed: only the nodes above it are scored again. */
  const rescored = (indicator: string, lifted: number): number => {
    let child = indicator;
    let childValue = lifted;
    for (let node = parentOf.get(indicator); node !== undefined; node = parentOf.get(node)) {
      const spec = weights[node];
      if (spec === undefined) return Number.NaN;
      const values = spec.children.map((c) => (c === child ? childValue : value(c)));
      childValue = aggregateRow(values, spec.weights, method);
      child = node;
    }
    return child === root ? childValue : Number.NaN;
  };
  const options: ImprovementOption[] = [];
  for (const indicator of input.indicators) {
    const from = normalised(indicator);
    const to = input.peerMedian(indicator);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) continue;
    const lifted = rescored(indicator, to);
    if (!Number.isFinite(lifted)) continue;
    const scoreGain = lifted - base;
    const newScore = input.score + scoreGain;
    const newRank = rankAfter(input.ranking, newScore, input.score);
    options.push({ indicator, from, to, scoreGain, newScore, newRank, rankGain: input.rank - newRank });
  }
  return options.sort((a, b) => b.rankGain - a.rankGain || b.scoreGain - a.scoreGain);
}
