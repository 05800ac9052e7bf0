/**
 * Long imports and evaluations run as jobs: the request answers 202 with the job at once, the
 * work goes on in the same process, and GET /api/v1/jobs/:id reports progress and the outcome.
 * Live jobs are held in memory (with the last 500 finished ones); given a journal (the store's
 * jobs), the runner also records each job there, so its owner can still read it after a restart:
 * on start, on each change of status and at the end, its progress at most once a second and a
 * heartbeat every 10 s while it is unfinished. These writes never hold up the work: they are
 * queued per job in order, and a failed write is reported (onJournalError) without failing the
 * job. A stored job that no live process runs reads as failed, "interrupted" (interrupted-jobs.ts).
 *
 * Kinds with a limit (evaluations: ZHILI_MAX_JOBS, default 1) queue: at most that many run at
 * once, the others wait in the order they came ('queued'). Each job records its owner; the owner
 * or an admin may cancel it: a queued job ends at once, a running one is told through its
 * AbortSignal and ends 'cancelled' at its next checkpoint, before it stores anything.
 *
 * @example const job = jobs.start('evaluation', async (progress, signal) => { progress(1, 2, 'score'); return { id } }, { owner: user.id });
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { can } from '../access/permissions.js';
import {
  FINISHED_JOB_STATUSES,
  type Job,
  type JobError,
  type JobInstance,
  type JobStatus,
} from '../domain/job.js';
import { AppError, ConflictError, JobCancelledError, NotFoundError } from '../errors.js';
import type { User } from '../store/models/user.js';
import type { JobStore, JsonValue } from '../store/store.js';
import { HEARTBEAT_EVERY_MS, interruptedView, isInterrupted, publicJob } from './interrupted-jobs.js';

export type { Job, JobError, JobStatus };

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
  /** Where jobs are recorded so that they outlive the process (the store's jobs); memory only when absent. */
  readonly journal?: JobStore;
  /** A write to the journal that failed (the job goes on); onUnexpected when absent. */
  readonly onJournalError?: (error: unknown, job: Job) => void;
  /** The least time between two progress writes of a job (1 s). */
  readonly progressEveryMs?: number;
  /** How often unfinished jobs get a heartbeat in the journal (10 s). */
  readonly heartbeatEveryMs?: number;
}

/** Which jobs to list, newest first: one owner's (all when absent), a page at a time. */
export interface JobListQuery {
  readonly owner?: string;
  readonly limit?: number;
  readonly offset?: number;
}

const KEEP = 500;
const FINISHED = FINISHED_JOB_STATUSES;

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
  /** This runner in the journal: a new id per runner, with the host and process it runs in. */
  readonly instance: JobInstance = { id: randomUUID(), host: os.hostname(), pid: process.pid };
  private readonly jobs = new Map<string, Job>();
  private readonly pending = new Map<string, Pending>();
  private readonly waiting = new Map<string, string[]>();
  private readonly running = new Map<string, number>();
  private readonly claims = new Map<string, string>();
  private readonly limits: Readonly<Record<string, number>>;
  private readonly onUnexpected: (error: unknown, job: Job) => void;
  private readonly journal: JobStore | undefined;
  private readonly onJournalError: (error: unknown, job: Job) => void;
  private readonly progressEveryMs: number;
  private readonly heartbeatEveryMs: number;
  /** The last journal write queued for each job: the next one waits for it, so writes land in order. */
  private readonly writes = new Map<string, Promise<void>>();
  /** When each job's progress was last written, and the timers of progress still to write. */
  private readonly progressWritten = new Map<string, number>();
  private readonly progressTimers = new Map<string, NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(options: JobRunnerOptions = {}) {
    this.limits = options.limits ?? {};
    this.onUnexpected = options.onUnexpected ?? (() => undefined);
    this.journal = options.journal;
    this.onJournalError = options.onJournalError ?? this.onUnexpected;
    this.progressEveryMs = options.progressEveryMs ?? 1000;
    this.heartbeatEveryMs = options.heartbeatEveryMs ?? HEARTBEAT_EVERY_MS;
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
    this.record(id);
    if (claim !== undefined) this.claims.set(claim, id);
    const cancellable = options.cancellable ?? false;
    this.pending.set(id, { work, cancellable, controller: new AbortController(), claim });
    this.beatWhileUnfinished();
    this.queueOf(kind).push(id);
    this.pump(kind);
    return this.jobs.get(id) ?? job;
  }

  /** A job this runner holds in memory (live, or among the newest finished). */
  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /**
   * A job from memory or, failing that, from the journal (after a restart, or once it has left
   * memory); one that no live process runs any more reads as failed, interrupted.
   */
  async find(id: string): Promise<Job | undefined> {
    const live = this.jobs.get(id);
    if (live !== undefined || this.journal === undefined) return live;
    const stored = await this.journal.get(id);
    if (stored === undefined) return undefined;
    const now = Date.now();
    return isInterrupted(stored, now, this.instance)
      ? interruptedView(stored, new Date(now).toISOString())
      : publicJob(stored);
  }

  /** Jobs newest first, from the journal when there is one (memory otherwise), live ones as they are now. */
  async list(query: JobListQuery = {}): Promise<Job[]> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    if (this.journal === undefined) {
      const mine = [...this.jobs.values()].filter(
        (j) => query.owner === undefined || j.owner === query.owner,
      );
      mine.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
      return mine.slice(offset, offset + limit);
    }
    // Jobs started a moment ago are listed too: their first write lands before the query.
    await this.flushed();
    const stored = await this.journal.list({
      ...(query.owner === undefined ? {} : { owner: query.owner }),
      limit,
      offset,
    });
    const now = Date.now();
    return stored.map((job) => {
      const live = this.jobs.get(job.id);
      if (live !== undefined) return live;
      return isInterrupted(job, now, this.instance)
        ? interruptedView(job, new Date(now).toISOString())
        : publicJob(job);
    });
  }

  /**
   * Cancels a queued or running job of this runner for its owner or an admin (users.manage); to
   * anyone else the job does not exist (NotFoundError). A finished job cannot be cancelled
   * (ConflictError). Jobs only in the journal are the job board's to answer (job-board.ts).
   */
  cancel(id: string, principal: { readonly user: Pick<User, 'id' | 'login' | 'role'> }): Job {
    const job = this.jobs.get(id);
    const { user } = principal;
    if (job === undefined || (job.owner !== user.id && !can(user.role, 'users.manage')))
      throw new NotFoundError(`no job ${id}`);
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

  /** Resolves once every journal write queued so far has landed (or failed and been reported). */
  async flushed(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes.values()]);
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
    this.record(id);
    const progress: ReportProgress = (done, total, step) => {
      this.update(id, { progress: { done, total, step } });
      this.recordProgress(id);
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
    clearTimeout(this.progressTimers.get(id));
    this.progressTimers.delete(id);
    this.progressWritten.delete(id);
    this.record(id);
    this.beatWhileUnfinished();
  }

  private update(id: string, patch: Partial<Job>): void {
    const current = this.jobs.get(id);
    if (current !== undefined) this.jobs.set(id, { ...current, ...patch });
  }

  /** Queues a journal write of the job after its earlier ones; a failure is reported, never thrown. */
  private write(id: string, write: (journal: JobStore) => Promise<void>): void {
    const journal = this.journal;
    if (journal === undefined) return;
    const tail = (this.writes.get(id) ?? Promise.resolve())
      .then(() => write(journal))
      .catch((error: unknown) => {
        const job = this.jobs.get(id);
        if (job !== undefined) this.onJournalError(error, job);
      });
    this.writes.set(id, tail);
    void tail.then(() => {
      if (this.writes.get(id) === tail) this.writes.delete(id);
    });
  }

  /** Writes the whole job as it stands when the write's turn comes. */
  private record(id: string): void {
    this.write(id, async (journal) => {
      const job = this.jobs.get(id);
      if (job === undefined) return;
      await journal.save({ ...job, instance: this.instance, heartbeatAt: new Date().toISOString() });
    });
  }

  /** Writes the progress now if none was written in the last second, else once that second is over. */
  private recordProgress(id: string): void {
    if (this.journal === undefined || this.progressTimers.has(id)) return;
    const wait = Math.max(0, (this.progressWritten.get(id) ?? 0) + this.progressEveryMs - Date.now());
    const timer = setTimeout(() => {
      this.progressTimers.delete(id);
      const job = this.jobs.get(id);
      if (job === undefined || FINISHED.has(job.status)) return;
      this.progressWritten.set(id, Date.now());
      this.write(id, (journal) =>
        journal.touch(id, { heartbeatAt: new Date().toISOString(), progress: job.progress }),
      );
    }, wait);
    timer.unref();
    this.progressTimers.set(id, timer);
  }

  /** Keeps a heartbeat going while this runner has unfinished jobs, and stops it when it has none. */
  private beatWhileUnfinished(): void {
    if (this.journal === undefined) return;
    if (this.pending.size === 0 && this.heartbeat !== undefined) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    } else if (this.pending.size > 0 && this.heartbeat === undefined) {
      this.heartbeat = setInterval(() => {
        const at = new Date().toISOString();
        for (const id of this.pending.keys())
          this.write(id, (journal) => journal.touch(id, { heartbeatAt: at }));
      }, this.heartbeatEveryMs);
      this.heartbeat.unref();
    }
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
