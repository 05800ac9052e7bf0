/**
 * Which pending batches count as interrupted when a store opens. The embedded store owns its
 * directory alone (a lock file ensures it), so every pending batch there belongs to a process
 * that is gone. A MongoDB server may be shared by several Zhili processes, so there a batch is
 * abandoned only when its process on this host no longer exists or it has shown no sign of life
 * (an append) for a while.
 */
import os from 'node:os';
import type { BatchDoc } from './batch-doc.js';

export type RecoveryPolicy = (batch: BatchDoc, now: number) => boolean;

export const everyPendingBatch: RecoveryPolicy = () => true;

/** True when a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function abandonedBatches(staleAfterMs: number): RecoveryPolicy {
  const host = os.hostname();
  return (batch, now) => {
    if (batch.owner.host === host && !processExists(batch.owner.pid)) return true;
    return now - Date.parse(batch.heartbeatAt) > staleAfterMs;
  };
}
