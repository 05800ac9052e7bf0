/**
 * Jobs with their owners, the one place both are kept: a use case that runs long starts its work
 * here for an actor, and following a job (GET /api/v1/jobs/:id, the import page's
 * /import/jobs/:id) is allowed to the actor who started it and to admins (users.manage), who
 * oversee everyone's work. To anyone else the job does not exist (404), so job ids cannot be
 * probed.
 *
 * @example const job = board.start(actor, 'import-units', async (progress) => …); board.read(actor, job.id)
 */
import { can } from '../access/permissions.js';
import { NotFoundError } from '../errors.js';
import type { Job, JobOptions, JobRunner, JobWork } from '../jobs/job-runner.js';
import type { Actor } from './actor.js';

/** Who owns a job: the user's id, or the actor's name for the CLI (which has no user record). */
function ownerKey(actor: Actor): string {
  return actor.userId ?? actor.name;
}

export class JobBoard {
  constructor(readonly runner: JobRunner) {}

  start(actor: Actor, kind: string, work: JobWork, options: Omit<JobOptions, 'owner'> = {}): Job {
    return this.runner.start(kind, work, { ...options, owner: ownerKey(actor) });
  }

  /** The job, if this actor started it or oversees all jobs; NotFoundError otherwise. */
  read(actor: Actor, id: string): Job {
    const job = this.runner.get(id);
    const mayRead = job?.owner === ownerKey(actor) || can(actor.role, 'users.manage');
    if (job === undefined || !mayRead)
      throw new NotFoundError(`no job ${id} (jobs are kept in memory until restart)`);
    return job;
  }

  /** Cancels a queued or running job for its owner or an admin (the runner's rule); see cancel-job.ts. */
  cancel(actor: Actor, id: string): Job {
    return this.runner.cancel(id, { user: { id: ownerKey(actor), login: actor.name, role: actor.role } });
  }
}
