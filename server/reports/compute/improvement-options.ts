/**
 * The weakest-link what-if (短板): for each indicator on which a unit is below its peer group's
 * median, lift its normalised value to that median, score the tree again and see how far the index
 * and the rank would move. The largest rank gains come first (then the largest score gains).
 *
 * The change in score is the difference between the re-scored and the original tree, added to the
 * unit's actual index score, so a rolled-up unit (a street, a district) gets the same first-order
 * estimate as a community.
 *
 * @example
 * // index = mean of a and b; the unit has a = 40, b = 80 (score 60); peers' median of a is 60:
 * // lifting a to 60 raises the index by 10 to 70, ahead of one unit at 65 → rank 3 → 2.
 */
import { rankAfter } from './rank-after.js';
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
  const base = scoreTree(input.weights, input.order, input.normalised, input.method).get(input.root);
  if (base === undefined || !Number.isFinite(base)) return [];
  const options: ImprovementOption[] = [];
  for (const indicator of input.indicators) {
    const from = input.normalised(indicator);
    const to = input.peerMedian(indicator);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) continue;
    const lifted = scoreTree(
      input.weights,
      input.order,
      (id) => (id === indicator ? to : input.normalised(id)),
      input.method,
    ).get(input.root);
    if (lifted === undefined || !Number.isFinite(lifted)) continue;
    const scoreGain = lifted - base;
    const newScore = input.score + scoreGain;
    const newRank = rankAfter(input.ranking, newScore, input.score);
    options.push({ indicator, from, to, scoreGain, newScore, newRank, rankGain: input.rank - newRank });
  }
  return options.sort((a, b) => b.rankGain - a.rankGain || b.scoreGain - a.scoreGain);
}
