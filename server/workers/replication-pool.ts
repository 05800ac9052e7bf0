/**
 * Spreads replications over worker threads. Each worker gets the payload once (structured clone: the
 * upstream Float64Array columns are copied once per worker), then batches of records; up to two
 * batches are in flight per worker so none waits for the next. Ranks (and the levels' ranks) come back
 * by record index into run-major matrices, so the result is the same for any number of workers and any finishing order.
 * The first failure stops every worker and rejects, naming the replication so it can be replayed;
 * an aborted `signal` (a cancelled job) stops them the same way and rejects with its reason.
 *
 * @example
 * const { ranks, levelRanks } = await runReplicationsInWorkers(prepared.payload, prepared.records, rowCount, { workers: 2 });
 */
import type { Worker } from 'node:worker_threads';
import type { RankMatrices } from '../engine/uncertainty/in-process.js';
import { levelRanker } from '../engine/uncertainty/level-ranks.js';
import { byCombination } from '../engine/uncertainty/combinations.js';
import type { ReplicationPayload } from '../engine/uncertainty/payload.js';
import type { ReplicationRecord } from '../engine/uncertainty/record.js';
import { ValidationError } from '../errors.js';
import { isDoneMessage, isFailedMessage, type FailedMessage, type ToWorker } from './messages.js';
import { startBundledWorkers } from './worker-bundle.js';

export interface PoolOptions {
  /** Worker threads to start (at most one per record). */
  readonly workers: number;
  /**
   * Workers started beforehand (startReplicationWorkers), so that they loaded the engine while the
   * analysis was prepared; the pool uses up to `workers` of them and stops them all when done.
   */
  readonly started?: Promise<readonly Worker[]>;
  /**
   * Records per message at most; by default about 32 batches per worker, at most 16 records each (a
   * few tens of milliseconds of work). Towards the end batches shrink to a share of what is left, so
   * that no worker idles long while another finishes the batches it holds.
   */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the workers and rejects with signal.reason when aborted. */
  readonly signal?: AbortSignal;
}

const IN_FLIGHT = 2;
const workerEntry = new URL('./replication-worker.ts', import.meta.url);

/**
 * Starts replication workers as early as possible: now when their bundle is made (worker-bundle.ts),
 * else as soon as it is, while this thread prepares the analysis. Hand them to
 * runReplicationsInWorkers (`started`), or terminate them.
 */
export function startReplicationWorkers(count: number): Promise<Worker[]> {
  return startBundledWorkers(workerEntry, Math.max(0, Math.floor(count)));
}

export async function runReplicationsInWorkers(
  payload: ReplicationPayload,
  records: readonly ReplicationRecord[],
  rowCount: number,
  options: PoolOptions,
): Promise<RankMatrices> {
  const levelRowCount = levelRanker(payload.units, payload.periodIds.length, payload.rollup)?.rowCount ?? 0;
  const ranks = new Uint32Array(records.length * rowCount);
  const levelRanks = new Uint32Array(records.length * levelRowCount);
  const started = (await options.started) ?? [];
  if (records.length === 0 || options.signal?.aborted === true) {
    await Promise.all(started.map((worker) => worker.terminate()));
    options.signal?.throwIfAborted();
    return { ranks, levelRanks };
  }
  const size = Math.max(1, Math.min(Math.floor(options.workers), records.length));
  const batchSize = options.batchSize ?? Math.min(16, Math.max(1, Math.ceil(records.length / (size * 32))));
  // Runs of one combination of picks go together, so each worker reuses its normalised columns.
  const ordered = byCombination(payload, records);
  const workers: Worker[] = [
    ...started.slice(0, size),
    ...(await startReplicationWorkers(size - Math.min(size, started.length))),
  ];
  const idle = started.slice(size);
  let onAbort = (): void => undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      onAbort = () => {
        const reason: unknown = options.signal?.reason;
        fail(reason instanceof Error ? reason : new Error('the replications were cancelled'));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const send = (worker: Worker): void => {
        const left = ordered.length - next;
        if (left <= 0) return;
        // What the workers hold at the end is at most a share of what was left when it was sent.
        const take = Math.min(batchSize, Math.ceil(left / (2 * IN_FLIGHT * workers.length)));
        const batch = ordered.slice(next, next + take);
        next += take;
        const message: ToWorker = { kind: 'run', records: batch };
        worker.postMessage(message);
      };
      for (const worker of workers) {
        worker.on('message', (message: unknown) => {
          if (settled) return;
          if (isFailedMessage(message)) {
            fail(replicationError(message, records));
            return;
          }
          if (!isDoneMessage(message)) return;
          message.indices.forEach((index, k) => {
            ranks.set(message.ranks.subarray(k * rowCount, (k + 1) * rowCount), index * rowCount);
            levelRanks.set(
              message.levelRanks.subarray(k * levelRowCount, (k + 1) * levelRowCount),
              index * levelRowCount,
            );
          });
          done += message.indices.length;
          options.onProgress?.(done, records.length);
          if (done === records.length) {
            settled = true;
            resolve();
          } else send(worker);
        });
        worker.on('error', (error) => {
          fail(error);
        });
        worker.on('exit', (code) => {
          if (!settled)
            fail(new Error(`a replication worker stopped (exit code ${code}) before the work was done`));
        });
        const init: ToWorker = { kind: 'init', payload };
        worker.postMessage(init);
        for (let k = 0; k < IN_FLIGHT; k++) send(worker);
      }
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all([...workers, ...idle].map((worker) => worker.terminate()));
  }
  return { ranks, levelRanks };
}

/** A worker's failure as an error on this side, with what to replay. */
function replicationError(failed: FailedMessage, records: readonly ReplicationRecord[]): Error {
  const record = records[failed.index];
  const what = `replication ${failed.index} (${JSON.stringify(record?.choices ?? {})}) failed: ${failed.message}`;
  return failed.name === 'ValidationError' ? new ValidationError(what, failed.details) : new Error(what);
}
