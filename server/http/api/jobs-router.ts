/**
 * GET /api/v1/jobs/:id: the progress and outcome of a long import or evaluation. Only the user who
 * started the job may follow it, and admins (users.manage), who oversee everyone's work; to anyone
 * else the job does not exist (404), so job ids cannot be probed (the rule is the job board's,
 * shared with the import page). POST /api/v1/jobs/:id/cancel cancels a queued or running
 * evaluation for the same people (the use case cancel-job.ts, audited as "job.cancel"): 202 with
 * the job, which ends 'cancelled' without storing anything.
 */
import { Router } from 'express';
import { cancelJob } from '../../services/cancel-job.js';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';

export function jobsRouter(services: Services): Router {
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    res.json(services.jobs.read(requestActor(res), req.params.id));
  });
  router.post('/jobs/:id/cancel', async (req, res) => {
    res.status(202).json(await cancelJob(services, requestActor(res), req.params.id));
  });
  return router;
}
