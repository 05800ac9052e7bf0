/**
 * Jobs with their owners, the one place both are kept: a use case that runs long starts its work
 * here for an actor, and following a job (GET /api/v1/jobs/:id, the import page's
 * /import/jobs/:id, the /jobs page) is allowed to the actor who started it and to admins
 * (users.manage), who oversee everyone's work. To anyone else the job does not exist (404), so
 * job ids cannot be probed. Jobs are read from the runner's memory or, after a restart, from the
 * store (the runner's journal), where one that no live process runs reads as failed, interrupted.
 *
 * @example const job = board.start(actor, 'import-units', async (progress) => …); await board.read(actor, job.id)
 */
import { can } from '../access/permissions.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Job, JobOptions, JobRunner, JobWork } from '../jobs/job-runner.js';
import type { Actor } from './actor.js';

/** Who owns a job: the user's id, or the actor's name for the CLI (which has no user record). */
function ownerKey(actor: Actor): string {
  return actor.userId ?? actor.name;
}

function mayRead(actor: Actor, job: Job): boolean {
  return job.owner === ownerKey(actor) || can(actor.role, 'users.manage');
}

export class JobBoard {
  constructor(readonly runner: JobRunner) {}

  start(actor: Actor, kind: string, work: JobWork, options: Omit<JobOptions, 'owner'> = {}): Job {
    return this.runner.start(kind, work, { ...options, owner: ownerKey(actor) });
  }

  /** The job, if this actor started it or oversees all jobs; NotFoundError otherwise. */
  async read(actor: Actor, id: string): Promise<Job> {
    const job = await this.runner.find(id);
    if (job === undefined || !mayRead(actor, job)) throw new NotFoundError(`no job ${id}`);
    return job;
  }

  /**
   * The actor's own jobs, newest first, a page at a time; with `everyone`, an admin's view of all
   * jobs (only for actors who oversee them: others still see their own).
   */
  list(
    actor: Actor,
    page: { readonly limit: number; readonly offset: number },
    everyone = false,
  ): Promise<Job[]> {
    const all = everyone && can(actor.role, 'users.manage');
    return this.runner.list({ ...page, ...(all ? {} : { owner: ownerKey(actor) }) });
  }

  /**
   * Cancels a queued or running job for its owner or an admin (the runner's rule); see
   * cancel-job.ts. A job this process does not hold is read from the store: finished (or
   * interrupted), it answers 409 like any finished job; still running, it is another server's.
   */
  async cancel(actor: Actor, id: string): Promise<Job> {
    if (this.runner.get(id) === undefined) {
      const job = await this.read(actor, id);
      throw new ConflictError(
        job.finishedAt === null
          ? `job ${id} runs in another server process; it can be cancelled only there`
          : `job ${id} has already ${job.status === 'cancelled' ? 'been cancelled' : job.status}`,
      );
    }
    return this.runner.cancel(id, { user: { id: ownerKey(actor), login: actor.name, role: actor.role } });
  }
}
