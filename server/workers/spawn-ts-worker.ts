/**
 * Starts a worker thread on a TypeScript module, under `npx tsx` and under mocha (`node --import
 * tsx`) alike: the worker boots from bootstrap.mjs, which registers tsx in the new thread and imports
 * the module. (Node 20 ignores `--import` loaders in a Worker's execArgv, so `new Worker('x.ts')`
 * fails with ERR_UNKNOWN_FILE_EXTENSION.)
 *
 * @example const worker = spawnTsWorker(new URL('./replication-worker.ts', import.meta.url));
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function spawnTsWorker(entry: URL, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  return new Worker(new URL('./bootstrap.mjs', import.meta.url), {
    ...options,
    workerData: { entry: entry.href },
  });
}
