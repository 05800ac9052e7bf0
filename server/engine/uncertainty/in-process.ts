/**
 * The whole analysis on the calling thread: prepare, run every replication, summarise. Fine for small
 * inputs and tests; server/workers/run-uncertainty.ts spreads the same replications over worker
 * threads and gives bit-identical results.
 *
 * @example
 * const result = runUncertaintyInProcess(input, {}, { replications: 100, seed: 3, aggregation: [...] });
 * result.statistics.median
 */
import type { EngineInput, MethodChoices } from '../types.js';
import { byCombination } from './combinations.js';
import type { ReplicationPayload } from './payload.js';
import { prepareUncertainty } from './prepare.js';
import type { ReplicationRecord } from './record.js';
import { summariseUncertainty, type UncertaintyResult } from './result.js';
import { ReplicationRunner } from './runner.js';

/** Every run's ranks, run-major: the root's (rowCount per run) and the levels' (levelRowCount per run). */
export interface RankMatrices {
  readonly ranks: Uint32Array;
  readonly levelRanks: Uint32Array;
}

export function runUncertaintyInProcess(
  input: EngineInput,
  base: MethodChoices,
  settings: unknown,
): UncertaintyResult {
  const prepared = prepareUncertainty(input, base, settings);
  const matrices = runReplications(prepared.payload, prepared.records, prepared.nominal.rowCount);
  return summariseUncertainty(prepared, matrices.ranks, matrices.levelRanks);
}

/** Every record's ranks, run-major (ranks[index * rowCount + row], levelRanks[index * levelRowCount + row]). */
export function runReplications(
  payload: ReplicationPayload,
  records: readonly ReplicationRecord[],
  rowCount: number,
): RankMatrices {
  const runner = new ReplicationRunner(payload);
  const levelRowCount = runner.levelRowCount;
  const ranks = new Uint32Array(records.length * rowCount);
  const levelRanks = new Uint32Array(records.length * levelRowCount);
  for (const record of byCombination(payload, records)) {
    const run = runner.run(record);
    ranks.set(run.ranks, record.index * rowCount);
    levelRanks.set(run.levelRanks, record.index * levelRowCount);
  }
  return { ranks, levelRanks };
}
