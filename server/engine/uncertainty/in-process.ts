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
import { prepareUncertainty } from './prepare.js';
import { summariseUncertainty, type UncertaintyResult } from './result.js';
import { ReplicationRunner } from './runner.js';

export function runUncertaintyInProcess(
  input: EngineInput,
  base: MethodChoices,
  settings: unknown,
): UncertaintyResult {
  const prepared = prepareUncertainty(input, base, settings);
  const { rowCount } = prepared.nominal;
  const runner = new ReplicationRunner(prepared.payload);
  const ranks = new Uint32Array(prepared.records.length * rowCount);
  for (const record of prepared.records) ranks.set(runner.ranks(record), record.index * rowCount);
  return summariseUncertainty(prepared, ranks);
}
