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
import type { ReplicationPayload } from './payload.js';
import { prepareUncertainty } from './prepare.js';
import type { ReplicationRecord } from './record.js';
import { summariseUncertainty, type UncertaintyResult } from './result.js';
import { ReplicationRunner } from './runner.js';

export function runUncertaintyInProcess(
  input: EngineInput,
  base: MethodChoices,
  settings: unknown,
): UncertaintyResult {
  const prepared = prepareUncertainty(input, base, settings);
  const ranks = runReplications(prepared.payload, prepared.records, prepared.nominal.rowCount);
  return summariseUncertainty(prepared, ranks);
}

/** Every record's ranks of the root, run-major (ranks[index * rowCount + row]). */
export function runReplications(
  payload: ReplicationPayload,
  records: readonly ReplicationRecord[],
  rowCount: number,
): Uint32Array {
  const runner = new ReplicationRunner(payload);
  const ranks = new Uint32Array(records.length * rowCount);
  for (const record of records) ranks.set(runner.ranks(record), record.index * rowCount);
  return ranks;
}
