/**
 * GET /api/v1/jobs/:id: the progress and outcome of a long import or evaluation. Only the user who
 * started the job may follow it, and admins (users.manage), who oversee everyone's work; to anyone
 * else the job does not exist (404), so job ids cannot be probed. POST /api/v1/jobs/:id/cancel
 * cancels a queued or running evaluation for the same people (audited as "job.cancel"): 202 with
 * the job, which ends 'cancelled' without storing anything.
 */
import { Router } from 'express';
import { can } from '../../access/permissions.js';
import { NotFoundError } from '../../errors.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import type { Store } from '../../store/store.js';
import { actorOf, requirePrincipal } from '../auth/principal.js';
import type { JobOwners } from './job-owners.js';

export function jobsRouter(jobs: JobRunner, owners: JobOwners, store: Store): Router {
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    const { user } = requirePrincipal(res);
    const job = jobs.get(req.params.id);
    const mayRead = owners.ownerOf(req.params.id) === user.id || can(user.role, 'users.manage');
    if (job === undefined || !mayRead)
      throw new NotFoundError(`no job ${req.params.id} (jobs are kept in memory until restart)`);
    res.json(job);
  });
  router.post('/jobs/:id/cancel', async (req, res) => {
    const job = jobs.cancel(req.params.id, requirePrincipal(res));
    await store.audit.append({
      actor: actorOf(res),
      action: 'job.cancel',
      target: job.id,
      detail: { kind: job.kind, status: job.status, step: job.progress.step },
    });
    res.status(202).json(job);
  });
  return router;
}
