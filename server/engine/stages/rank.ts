/**
 * Stage, rank: ranks every node's score within each period as R's rank(-score, ties.method = "min"):
 * 1 is best, ties share the smallest rank, a missing score has no rank (0). Scores within
 * SCORE_TIE_ULPS of each other tie (they are equal in exact arithmetic; see numeric/rank.ts). With
 * `rankIndicators` the normalised indicator values are ranked the same way, where only equal values tie.
 *
 * @example rankStage(state, choices).ranks.get('index') // Uint32Array, one rank per row
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry } from '../log.js';
import { ranksTiesMin, SCORE_TIE_ULPS } from '../numeric/rank.js';
import { columnOf, type EngineState } from '../state.js';

export function rankStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame } = state;
  const ranks = new Map<string, Uint32Array>();
  const rankColumn = (column: Float64Array, tieUlps: number): Uint32Array => {
    const out = new Uint32Array(frame.rowCount);
    for (let p = 0; p < frame.periodCount; p++) {
      const from = p * frame.unitCount;
      out.set(ranksTiesMin(column.subarray(from, from + frame.unitCount), 'descending', tieUlps), from);
    }
    return out;
  };
  for (const node of frame.tree.aggregates)
    ranks.set(node.id, rankColumn(columnOf(state.scores.values, node.id), SCORE_TIE_ULPS));
  if (choices.rankIndicators) {
    for (const id of frame.tree.indicatorIds)
      ranks.set(id, rankColumn(columnOf(state.current.values, id), 0));
  }
  const entry = logEntry('rank', 'ranks within each period: rank(-score, ties = "min")', {
    data: { indicators: choices.rankIndicators },
  });
  return { ...state, ranks, log: [...state.log, entry] };
}
