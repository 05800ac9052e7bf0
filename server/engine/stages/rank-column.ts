/**
 * One column's ranks within each period (rankStage's work for one node or indicator, in a function the
 * engine's helper threads run too).
 *
 * @example rankColumn(scores, unitCount, periodCount, SCORE_TIE_ULPS) // Uint32Array, one rank per row
 */
import { ranksTiesMin } from '../numeric/rank.js';
import { sharedUint32 } from '../parallel/shared.js';

export function rankColumn(
  column: Float64Array,
  unitCount: number,
  periodCount: number,
  tieUlps: number,
  /** Make the column on shared memory, for the engine's threads. */
  shared = false,
): Uint32Array {
  const out = shared ? sharedUint32(unitCount * periodCount) : new Uint32Array(unitCount * periodCount);
  for (let p = 0; p < periodCount; p++) {
    const from = p * unitCount;
    out.set(ranksTiesMin(column.subarray(from, from + unitCount), 'descending', tieUlps), from);
  }
  return out;
}
