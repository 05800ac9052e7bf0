/**
 * A job: long work (an import, an evaluation, a new version) that a request starts and its owner
 * follows. The runner (server/jobs/job-runner.ts) holds the live ones in memory and records each in
 * the store (`store.jobs`), so a job can still be read after a restart; the record adds which
 * process ran it and when that process last showed it was alive, to tell an interrupted job from
 * one another process is still running.
 */
import type { JsonValue } from './json-value.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The statuses of a job that will not change any more. */
export const FINISHED_JOB_STATUSES: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled']);

export interface JobError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly details: readonly { readonly where?: string; readonly message: string }[];
}

export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  /** The user id of who started it (the actor's name for the CLI; null outside any actor). */
  readonly owner: string | null;
  readonly status: JobStatus;
  readonly progress: JobProgress;
  /** When the job was accepted (it may have waited in the queue after that). */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly result: JsonValue;
  readonly error: JobError | null;
}

/** The process that runs a job: a random id per runner, with the host and pid it runs as. */
export interface JobInstance {
  readonly id: string;
  readonly host: string;
  readonly pid: number;
}

/** A job as the store keeps it. */
export interface StoredJob extends Job {
  readonly instance: JobInstance;
  /** The last time its process wrote about it (start, progress, heartbeat, finish). */
  readonly heartbeatAt: string;
}
