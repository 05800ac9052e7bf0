/**
 * Long imports and evaluations run as jobs: the request answers 202 with the job at once, the
 * work goes on in the same process, and GET /api/v1/jobs/:id reports progress and the outcome.
 * Jobs live in memory (the last 500); what they produce is in the store, which is what lasts.
 *
 * @example const job = jobs.start('evaluation', async (progress) => { progress(1, 2, 'score'); return { id } });
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import type { JsonValue } from '../store/store.js';

export type JobStatus = 'running' | 'succeeded' | 'failed';

export interface JobError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly details: readonly { readonly where?: string; readonly message: string }[];
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: { readonly done: number; readonly total: number; readonly step: string };
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly result: JsonValue;
  readonly error: JobError | null;
}

export type ReportProgress = (done: number, total: number, step: string) => void;

const KEEP = 500;

function jobError(error: unknown): JobError {
  if (error instanceof AppError) {
    return { code: error.code, status: error.status, message: error.message, details: error.details };
  }
  // Unknown failures keep their message for the operator's log but not their stack.
  return { code: 'internal_error', status: 500, message: 'the job failed unexpectedly', details: [] };
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly onUnexpected: (error: unknown, job: Job) => void = () => undefined) {}

  start(kind: string, work: (progress: ReportProgress) => Promise<JsonValue>): Job {
    const id = randomUUID();
    const job: Job = {
      id,
      kind,
      status: 'running',
      progress: { done: 0, total: 1, step: 'queued' },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.remember(job);
    const update = (patch: Partial<Job>): void => {
      const current = this.jobs.get(id);
      if (current !== undefined) this.jobs.set(id, { ...current, ...patch });
    };
    const progress: ReportProgress = (done, total, step) => {
      update({ progress: { done, total, step } });
    };
    // Run after the current request has answered.
    setImmediate(() => {
      work(progress).then(
        (result) => {
          update({ status: 'succeeded', result, finishedAt: new Date().toISOString() });
        },
        (error: unknown) => {
          if (!(error instanceof AppError)) this.onUnexpected(error, job);
          update({ status: 'failed', error: jobError(error), finishedAt: new Date().toISOString() });
        },
      );
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async settled(id: string, pollMs = 20): Promise<Job> {
    for (;;) {
      const job = this.jobs.get(id);
      if (job === undefined) throw new Error(`no job ${id}`);
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private remember(job: Job): void {
    this.jobs.set(job.id, job);
    if (this.jobs.size > KEEP) {
      const oldest = this.jobs.keys().next().value;
      if (oldest !== undefined) this.jobs.delete(oldest);
    }
  }
}
