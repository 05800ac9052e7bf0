/**
 * /jobs (evaluations.run, the people who start imports and evaluations): the reader's own latest
 * jobs, read through the job board, so they are there after a server restart too.
 */
import { Router } from 'express';
import { JOBS_SHOWN, jobsPage } from '../../reports/views/jobs-page.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { renderPage } from './render-page.js';

export function jobsPages(services: Services, views: Views): Router {
  const router = Router();
  router.get('/jobs', requirePermission('evaluations.run'), async (req, res) => {
    const jobs = await services.jobs.list(requestActor(res), { limit: JOBS_SHOWN, offset: 0 });
    renderPage(req, res, views, 'jobs', jobsPage(jobs, pageLang(req, res)));
  });
  return router;
}
