/**
 * GET /api/v1/jobs: the caller's jobs, newest first, paged like every list (admins, who oversee
 * everyone's work, see every user's). GET /api/v1/jobs/:id: the progress and outcome of a long
 * import or evaluation, also after a server restart (a job the restart interrupted reads as
 * failed, error code "interrupted"). Only the user who started the job may follow it, and admins
 * (users.manage); to anyone else the job does not exist (404), so job ids cannot be probed (the
 * rule is the job board's, shared with the pages). POST /api/v1/jobs/:id/cancel cancels a queued
 * or running evaluation for the same people (the use case cancel-job.ts, audited as
 * "job.cancel"): 202 with the job, which ends 'cancelled' without storing anything.
 */
import { Router } from 'express';
import { cancelJob } from '../../services/cancel-job.js';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';
import { envelope, pagingOf } from './paging.js';

export function jobsRouter(services: Services): Router {
  const router = Router();
  router.get('/jobs', async (req, res) => {
    const paging = pagingOf(req.query);
    const page = { limit: paging.limit + 1, offset: paging.offset };
    res.json(envelope(await services.jobs.list(requestActor(res), page, true), paging));
  });
  router.get('/jobs/:id', async (req, res) => {
    res.json(await services.jobs.read(requestActor(res), req.params.id));
  });
  router.post('/jobs/:id/cancel', async (req, res) => {
    res.status(202).json(await cancelJob(services, requestActor(res), req.params.id));
  });
  return router;
}
