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
import type { JsonValue } from '../domain/json-value.js';
import { NotFoundError } from '../errors.js';
import type { Job, JobRunner, ReportProgress } from '../jobs/job-runner.js';
import type { Actor } from './actor.js';
import { JobOwners } from './job-owners.js';

function ownerKey(actor: Actor): string {
  return actor.userId ?? actor.name;
}

export class JobBoard {
  private readonly owners = new JobOwners();

  constructor(readonly runner: JobRunner) {}

  start(actor: Actor, kind: string, work: (progress: ReportProgress) => Promise<JsonValue>): Job {
    const job = this.runner.start(kind, work);
    this.owners.record(job.id, ownerKey(actor));
    return job;
  }

  /** The job, if this actor started it or oversees all jobs; NotFoundError otherwise. */
  read(actor: Actor, id: string): Job {
    const job = this.runner.get(id);
    const mayRead = this.owners.ownerOf(id) === ownerKey(actor) || can(actor.role, 'users.manage');
    if (job === undefined || !mayRead)
      throw new NotFoundError(`no job ${id} (jobs are kept in memory until restart)`);
    return job;
  }
}
