/**
 * Everything a browser reads besides the API: static files, the evaluation reports, the indicator
 * catalogue and the import pages. Mounted by buildApp after the API and before the 404 handler.
 */
import { Router } from 'express';
import type { Registry } from '../../indicators/registry-types.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { ReportCache } from '../../reports/context/report-cache.js';
import type { Store } from '../../store/store.js';
import type { Views } from '../views.js';
import { cataloguePages } from './catalogue-page.js';
import { evaluationPages } from './evaluation-pages.js';
import { importPages } from './import-pages.js';
import { staticRouter } from './static-router.js';

export function pagesRouter(
  store: Store,
  registry: Registry,
  views: Views,
  jobs: JobRunner,
  maxUploadBytes: number,
): Router {
  const router = Router();
  router.use(staticRouter());
  router.use(evaluationPages(store, new ReportCache(store), views));
  router.use(cataloguePages(registry, views));
  router.use(importPages(store, registry, jobs, views, maxUploadBytes));
  return router;
}
