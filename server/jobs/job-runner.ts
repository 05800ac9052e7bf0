/**
 * Long imports and evaluations run as jobs: the request answers 202 with the job at once, the
 * work goes on in the same process, and GET /api/v1/jobs/:id reports progress and the outcome.
 * Jobs live in memory (the last 500 finished ones); what they produce is in the store, which is
 * what lasts.
 *
 * Kinds with a limit (evaluations: ZHILI_MAX_JOBS, default 1) queue: at most that many run at
 * once, the others wait in the order they came ('queued'). Each job records its owner; the owner
 * or an admin may cancel it: a queued job ends at once, a running one is told through its
 * AbortSignal and ends 'cancelled' at its next checkpoint, before it stores anything.
 *
 * @example const job = jobs.start('evaluation', async (progress, signal) => { progress(1, 2, 'score'); return { id } }, { owner: user.id });
 */
import { randomUUID } from 'node:crypto';
import { can } from '../access/permissions.js';
import { AppError, ConflictError, JobCancelledError, NotFoundError } from '../errors.js';
import type { User } from '../store/models/user.js';
import type { JsonValue } from '../store/store.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly details: readonly { readonly where?: string; readonly message: string }[];
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  /** The user id of who started it (null for jobs started outside a request). */
  readonly owner: string | null;
  readonly status: JobStatus;
  readonly progress: { readonly done: number; readonly total: number; readonly step: string };
  /** When the job was accepted (it may have waited in the queue after that). */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly result: JsonValue;
  readonly error: JobError | null;
}

export type ReportProgress = (done: number, total: number, step: string) => void;

/** The work of a job: reports progress, and stops (throwing signal.reason) once the signal is aborted. */
export type JobWork = (progress: ReportProgress, signal: AbortSignal) => Promise<JsonValue>;

export interface JobOptions {
  /** Who starts the job (a user id): they and admins may follow and cancel it. */
  readonly owner?: string;
  /** The work stops when its signal is aborted, leaving nothing behind; only such jobs may be cancelled. */
  readonly cancellable?: boolean;
  /**
   * A key that no other unfinished job may hold (e.g. "one new version of ev_a at a time"):
   * start() throws what `conflict` returns for the job that holds it.
   */
  readonly exclusive?: { readonly key: string; readonly conflict: (holder: Job) => AppError };
}

export interface JobRunnerOptions {
  /** Jobs of these kinds that may run at once; kinds not named are not limited. */
  readonly limits?: Readonly<Record<string, number>>;
  /** Failures that are not AppErrors (bugs), for the operator's log. */
  readonly onUnexpected?: (error: unknown, job: Job) => void;
}

const KEEP = 500;
const FINISHED: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled']);

function jobError(error: unknown): JobError {
  if (error instanceof AppError) {
    return { code: error.code, status: error.status, message: error.message, details: error.details };
  }
  // Unknown failures keep their message for the operator's log but not their stack.
  return { code: 'internal_error', status: 500, message: 'the job failed unexpectedly', details: [] };
}

interface Pending {
  readonly work: JobWork;
  readonly cancellable: boolean;
  readonly controller: AbortController;
  readonly claim: string | undefined;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly pending = new Map<string, Pending>();
  private readonly waiting = new Map<string, string[]>();
  private readonly running = new Map<string, number>();
  private readonly claims = new Map<string, string>();
  private readonly limits: Readonly<Record<string, number>>;
  private readonly onUnexpected: (error: unknown, job: Job) => void;

  constructor(options: JobRunnerOptions = {}) {
    this.limits = options.limits ?? {};
    this.onUnexpected = options.onUnexpected ?? (() => undefined);
  }

  start(kind: string, work: JobWork, options: JobOptions = {}): Job {
    const claim = options.exclusive?.key;
    if (options.exclusive !== undefined) {
      const holder = this.jobs.get(this.claims.get(options.exclusive.key) ?? '');
      if (holder !== undefined) throw options.exclusive.conflict(holder);
    }
    const id = randomUUID();
    const job: Job = {
      id,
      kind,
      owner: options.owner ?? null,
      status: 'queued',
      progress: { done: 0, total: 1, step: 'queued' },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.remember(job);
    if (claim !== undefined) this.claims.set(claim, id);
    const cancellable = options.cancellable ?? false;
    this.pending.set(id, { work, cancellable, controller: new AbortController(), claim });
    this.queueOf(kind).push(id);
    this.pump(kind);
    return this.jobs.get(id) ?? job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /**
   * Cancels a queued or running job for its owner or an admin (users.manage); to anyone else the
   * job does not exist (NotFoundError). A finished job cannot be cancelled (ConflictError).
   */
  cancel(id: string, principal: { readonly user: Pick<User, 'id' | 'login' | 'role'> }): Job {
    const job = this.jobs.get(id);
    const { user } = principal;
    if (job === undefined || (job.owner !== user.id && !can(user.role, 'users.manage')))
      throw new NotFoundError(`no job ${id} (jobs are kept in memory until restart)`);
    const pending = this.pending.get(id);
    if (FINISHED.has(job.status) || pending === undefined)
      throw new ConflictError(
        `job ${id} has already ${job.status === 'cancelled' ? 'been cancelled' : job.status}`,
      );
    if (!pending.cancellable)
      throw new ConflictError(
        `a ${job.kind} job cannot be cancelled; it stores nothing unless it completes (${job.progress.step})`,
      );
    if (job.status === 'queued') {
      const queue = this.queueOf(job.kind);
      queue.splice(queue.indexOf(id), 1);
      const reason = new JobCancelledError(`cancelled by ${user.login} before it started`);
      this.finish(id, { status: 'cancelled', error: jobError(reason) });
    } else {
      pending.controller.abort(new JobCancelledError(`cancelled by ${user.login}`));
    }
    return this.jobs.get(id) ?? job;
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async settled(id: string, pollMs = 20): Promise<Job> {
    for (;;) {
      const job = this.jobs.get(id);
      if (job === undefined) throw new Error(`no job ${id}`);
      if (FINISHED.has(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private queueOf(kind: string): string[] {
    let queue = this.waiting.get(kind);
    if (queue === undefined) {
      queue = [];
      this.waiting.set(kind, queue);
    }
    return queue;
  }

  /** Starts queued jobs of a kind while its limit allows, oldest first. */
  private pump(kind: string): void {
    const limit = this.limits[kind] ?? Number.POSITIVE_INFINITY;
    const queue = this.queueOf(kind);
    while ((this.running.get(kind) ?? 0) < limit) {
      const id = queue.shift();
      if (id === undefined) return;
      this.run(id, kind);
    }
  }

  private run(id: string, kind: string): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.running.set(kind, (this.running.get(kind) ?? 0) + 1);
    this.update(id, { status: 'running' });
    const progress: ReportProgress = (done, total, step) => {
      this.update(id, { progress: { done, total, step } });
    };
    const { signal } = pending.controller;
    // Run after the current request has answered.
    setImmediate(() => {
      // Cancelled between being started and getting its turn on the event loop: never begins.
      const work = signal.aborted ? Promise.reject(signal.reason as Error) : pending.work(progress, signal);
      work
        .then(
          (result) => {
            this.finish(id, { status: 'succeeded', result });
          },
          (error: unknown) => {
            if (signal.aborted) {
              this.finish(id, { status: 'cancelled', error: jobError(signal.reason) });
              return;
            }
            const job = this.jobs.get(id);
            if (!(error instanceof AppError) && job !== undefined) this.onUnexpected(error, job);
            this.finish(id, { status: 'failed', error: jobError(error) });
          },
        )
        .finally(() => {
          this.running.set(kind, (this.running.get(kind) ?? 1) - 1);
          this.pump(kind);
        });
    });
  }

  private finish(id: string, outcome: Partial<Job>): void {
    const pending = this.pending.get(id);
    if (pending?.claim !== undefined && this.claims.get(pending.claim) === id)
      this.claims.delete(pending.claim);
    this.pending.delete(id);
    this.update(id, { ...outcome, finishedAt: new Date().toISOString() });
  }

  private update(id: string, patch: Partial<Job>): void {
    const current = this.jobs.get(id);
    if (current !== undefined) this.jobs.set(id, { ...current, ...patch });
  }

  /** Keeps every unfinished job and the newest finished ones. */
  private remember(job: Job): void {
    this.jobs.set(job.id, job);
    if (this.jobs.size <= KEEP) return;
    for (const [id, kept] of this.jobs) {
      if (FINISHED.has(kept.status)) {
        this.jobs.delete(id);
        return;
      }
    }
  }
}
