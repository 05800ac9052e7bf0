/**
 * The use case "cancel a job": a queued or running evaluation stops and stores nothing. Allowed to
 * the job's owner and to admins (users.manage); to anyone else the job does not exist (404). A
 * finished job, or an import (which stores nothing unless it completes), answers 409. Audited as
 * job.cancel with the job's kind, status and step.
 *
 * @example await cancelJob(services, actor, job.id) // the job, 'cancelled' or about to be
 */
import type { Job } from '../jobs/job-runner.js';
import type { Store } from '../store/store.js';
import type { Actor } from './actor.js';
import type { JobBoard } from './job-board.js';

export async function cancelJob(
  context: { readonly store: Store; readonly jobs: JobBoard },
  actor: Actor,
  id: string,
): Promise<Job> {
  const job = await context.jobs.cancel(actor, id);
  await context.store.audit.append({
    actor: actor.name,
    action: 'job.cancel',
    target: job.id,
    detail: { kind: job.kind, status: job.status, step: job.progress.step },
  });
  return job;
}
