/**
 * GET /api/v1/jobs/:id: the progress and outcome of a long import or evaluation. Only the user who
 * started the job may follow it, and admins, who oversee everyone's work; to anyone else the job
 * does not exist (404), so job ids cannot be probed (the rule is the job board's, shared with the
 * import page).
 */
import { Router } from 'express';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';

export function jobsRouter(services: Services): Router {
  const router = Router();
  router.get('/jobs/:id', (req, res) => {
    res.json(services.jobs.read(requestActor(res), req.params.id));
  });
  return router;
}
