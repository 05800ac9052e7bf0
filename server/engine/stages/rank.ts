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
import { SCORE_TIE_ULPS } from '../numeric/rank.js';
import { runTasks, shareWork } from '../parallel/pool.js';
import { sharedCopy } from '../parallel/shared.js';
import { columnOf, type EngineState } from '../state.js';
import { rankColumn } from './rank-column.js';

export function rankStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame } = state;
  const columns: { id: string; values: Float64Array; tieUlps: number }[] = frame.tree.aggregates.map(
    (node) => ({
      id: node.id,
      values: columnOf(state.scores.values, node.id),
      tieUlps: SCORE_TIE_ULPS,
    }),
  );
  if (choices.rankIndicators) {
    for (const id of frame.tree.indicatorIds)
      columns.push({ id, values: columnOf(state.current.values, id), tieUlps: 0 });
  }
  const { unitCount, periodCount } = frame;
  const ranked = shareWork(frame.rowCount)
    ? runTasks(
        'rank',
        columns.map(({ values, tieUlps }) => ({
          values: sharedCopy(values),
          unitCount,
          periodCount,
          tieUlps,
        })),
      )
    : columns.map(({ values, tieUlps }) => rankColumn(values, unitCount, periodCount, tieUlps));
  const ranks = new Map<string, Uint32Array>();
  columns.forEach(({ id }, i) => {
    const column = ranked[i];
    if (column !== undefined) ranks.set(id, column);
  });
  const entry = logEntry('rank', 'ranks within each period: rank(-score, ties = "min")', {
    data: { indicators: choices.rankIndicators },
  });
  return { ...state, ranks, log: [...state.log, entry] };
}
