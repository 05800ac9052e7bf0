/**
 * GET /api/v1/jobs/:id: the progress and outcome of a long import or evaluation. Only the user who
 * started the job may follow it, and admins (users.manage), who oversee everyone's work; to anyone
 * else the job does not exist (404), so job ids cannot be probed.
 */
import { Router } from 'express';
import { can } from '../../access/permissions.js';
import { NotFoundError } from '../../errors.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { requirePrincipal } from '../auth/principal.js';
import type { JobOwners } from './job-owners.js';

export function jobsRouter(jobs: JobRunner, owners: JobOwners): Router {
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    const { user } = requirePrincipal(res);
    const job = jobs.get(req.params.id);
    const mayRead = owners.ownerOf(req.params.id) === user.id || can(user.role, 'users.manage');
    if (job === undefined || !mayRead)
      throw new NotFoundError(`no job ${req.params.id} (jobs are kept in memory until restart)`);
    res.json(job);
  });
  return router;
}
