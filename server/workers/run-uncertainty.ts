/**
 * An uncertainty and sensitivity analysis with its replications spread over worker threads: start
 * the workers, prepare on this thread while they load (settings, nominal run, upstream stages,
 * normalised columns, design), run the replications in the pool, summarise here. `workers: 0` runs
 * them on this thread instead. The result is bit-identical for any number of workers.
 *
 * @example
 * const result = await runUncertainty(input, {}, { replications: 1000, seed: 7, weights: { method: 'uniform', range: 0.25 } });
 * result.statistics.p5, result.statistics.p95 // the 5–95 % rank interval per unit and period
 */
import { availableParallelism } from 'node:os';
import { runReplications } from '../engine/uncertainty/in-process.js';
import { prepareUncertainty, type PreparedUncertainty } from '../engine/uncertainty/prepare.js';
import { summariseUncertainty, type UncertaintyResult } from '../engine/uncertainty/result.js';
import type { EngineInput, MethodChoices } from '../engine/types.js';
import { ValidationError } from '../errors.js';
import { runReplicationsInWorkers, startReplicationWorkers } from './replication-pool.js';

export interface UncertaintyRunOptions {
  /** Worker threads; default os.availableParallelism(); 0 = on this thread. */
  readonly workers?: number;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * A cancelled job: stops the worker threads between batches and rejects with signal.reason.
   * On this thread (`workers: 0`) the runs cannot be interrupted; it is checked before them.
   */
  readonly signal?: AbortSignal;
}

export async function runUncertainty(
  input: EngineInput,
  base: MethodChoices,
  settings: unknown,
  options: UncertaintyRunOptions = {},
): Promise<UncertaintyResult> {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) {
    throw new ValidationError(`workers must be a whole number ≥ 0, found ${workers}`, [
      { where: 'workers', message: 'must be a whole number ≥ 0 (0 runs on the calling thread)' },
    ]);
  }
  // The workers start (or the bundle they start from is made, worker-bundle.ts) while this thread
  // prepares the analysis.
  const started = startReplicationWorkers(workers);
  let prepared: PreparedUncertainty;
  try {
    prepared = prepareUncertainty(input, base, settings);
    options.signal?.throwIfAborted();
  } catch (error) {
    await Promise.all((await started).map((worker) => worker.terminate()));
    throw error;
  }
  const { rowCount } = prepared.nominal;
  const matrices =
    workers === 0
      ? runReplications(prepared.payload, prepared.records, rowCount)
      : await runReplicationsInWorkers(prepared.payload, prepared.records, rowCount, {
          workers,
          started,
          ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        });
  return summariseUncertainty(prepared, matrices.ranks, matrices.levelRanks);
}
