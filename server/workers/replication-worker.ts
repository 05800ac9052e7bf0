/**
 * A worker thread that runs replications: it keeps the payload it gets once, then answers each batch
 * of records with their ranks of the root and of the levels above the units (buffers transferred,
 * not copied). The replications run the
 * same code as on the main thread (engine/uncertainty/runner.ts), so results do not depend on the
 * number of workers. A failing replication is reported with its index so it can be replayed.
 */
import { parentPort } from 'node:worker_threads';
import { ReplicationRunner } from '../engine/uncertainty/runner.js';
import { AppError } from '../errors.js';
import { isInitMessage, isRunMessage, type FromWorker } from './messages.js';

const port = parentPort;
if (port === null) throw new Error('replication-worker must run in a worker thread');

let runner: ReplicationRunner | undefined;
let rowCount = 0;

port.on('message', (message: unknown) => {
  if (isInitMessage(message)) {
    runner = new ReplicationRunner(message.payload);
    rowCount = message.payload.units.codes.length * message.payload.periodIds.length;
    return;
  }
  if (!isRunMessage(message) || runner === undefined) return;
  const levelRowCount = runner.levelRowCount;
  const ranks = new Uint32Array(message.records.length * rowCount);
  const levelRanks = new Uint32Array(message.records.length * levelRowCount);
  for (const [k, record] of message.records.entries()) {
    try {
      const run = runner.run(record);
      ranks.set(run.ranks, k * rowCount);
      levelRanks.set(run.levelRanks, k * levelRowCount);
    } catch (error) {
      const failed: FromWorker = {
        kind: 'failed',
        index: record.index,
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        details: error instanceof AppError ? error.details : [],
      };
      port.postMessage(failed);
      return;
    }
  }
  const done: FromWorker = {
    kind: 'done',
    indices: message.records.map((r) => r.index),
    ranks,
    levelRanks,
  };
  port.postMessage(done, [ranks.buffer, levelRanks.buffer]);
});
