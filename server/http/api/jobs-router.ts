/** GET /api/v1/jobs/:id: the progress and outcome of a long import or evaluation. */
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import type { JobRunner } from '../../jobs/job-runner.js';

export function jobsRouter(jobs: JobRunner): Router {
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    const job = jobs.get(req.params.id);
    if (job === undefined)
      throw new NotFoundError(`no job ${req.params.id} (jobs are kept in memory until restart)`);
    res.json(job);
  });
  return router;
}
