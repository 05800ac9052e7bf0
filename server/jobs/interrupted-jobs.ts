/**
 * Which stored jobs were interrupted: queued or running, but no live process runs them any more.
 * The embedded store has one process (its directory is locked), so when it opens every unfinished
 * job is interrupted. A MongoDB server may be shared by several Zhili processes, so there a job
 * is interrupted only when its process on this host is gone, or when its runner has not written
 * about it (progress or its heartbeat, every 10 s) for a minute. Interrupted jobs end 'failed'
 * with the error code "interrupted"; the work wrote nothing, since imports and evaluations only
 * become visible by their last write (and opening the store removes what a killed one left).
 *
 * @example if (isInterrupted(job, Date.now(), runner.instance)) job = interruptedView(job)
 */
import os from 'node:os';
import { JobInterruptedError } from '../errors.js';
import {
  FINISHED_JOB_STATUSES,
  type Job,
  type JobError,
  type JobInstance,
  type StoredJob,
} from '../domain/job.js';
import { processExists } from '../store/documents/batch-recovery.js';
import type { JobStore } from '../store/store.js';

/** A runner writes a heartbeat for each of its unfinished jobs this often. */
export const HEARTBEAT_EVERY_MS = 10_000;
/** An unfinished job without a heartbeat for this long belongs to no live process. */
export const STALE_AFTER_MS = 60_000;
/** Finished jobs are kept this long (30 days), then purged at start. */
export const KEEP_FINISHED_MS = 30 * 24 * 60 * 60 * 1000;

export const INTERRUPTED: JobError = {
  code: new JobInterruptedError('').code,
  status: new JobInterruptedError('').status,
  message:
    '服务器重启时任务中断，未保存任何结果；请重新开始 / interrupted by a server restart before it finished; nothing was stored — start it again',
  details: [],
};

/** True when no live process runs this unfinished job (see the header); `self` is the reader's runner. */
export function isInterrupted(
  job: StoredJob,
  now: number,
  self: Pick<JobInstance, 'id' | 'host'> = { id: '', host: os.hostname() },
  staleAfterMs = STALE_AFTER_MS,
): boolean {
  if (FINISHED_JOB_STATUSES.has(job.status) || job.instance.id === self.id) return false;
  if (job.instance.host === self.host && !processExists(job.instance.pid)) return true;
  return now - Date.parse(job.heartbeatAt) > staleAfterMs;
}

/** The job as its owner sees it: the stored record without the process's bookkeeping. */
export function publicJob(job: StoredJob): Job {
  return {
    id: job.id,
    kind: job.kind,
    owner: job.owner,
    status: job.status,
    progress: job.progress,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    result: job.result,
    error: job.error,
  };
}

/** An interrupted job as it reads: failed, with the reason, finished when it was found so. */
export function interruptedView(job: StoredJob, at: string): Job {
  return { ...publicJob(job), status: 'failed', finishedAt: at, error: INTERRUPTED };
}

export interface JobsTidied {
  /** Jobs failed as interrupted. */
  readonly interrupted: readonly string[];
  /** Finished jobs removed for their age. */
  readonly purged: number;
}

/**
 * At start, before this process runs any job: fails the interrupted jobs (every unfinished one
 * when `everyUnfinished`, as for the embedded store) and purges jobs finished more than 30 days ago.
 */
export async function tidyJobsAtStart(
  jobs: JobStore,
  everyUnfinished: boolean,
  now = Date.now(),
): Promise<JobsTidied> {
  const at = new Date(now).toISOString();
  const interrupted: string[] = [];
  for (const job of await jobs.unfinished()) {
    if (!everyUnfinished && !isInterrupted(job, now)) continue;
    if (await jobs.interrupt(job.id, INTERRUPTED, at)) interrupted.push(job.id);
  }
  const purged = await jobs.purgeFinished(new Date(now - KEEP_FINISHED_MS).toISOString());
  return { interrupted, purged };
}
