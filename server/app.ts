/**
 * buildApp(deps) → the Express app. It never listens (house rule 4): main.ts does,
 * and tests drive the app directly on an ephemeral port.
 */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Store } from './store/store.js';
import type { Views } from './http/views.js';
import type { DefinitionCatalogue } from './services/definition-catalogue.js';
import { healthRouter } from './http/health-router.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { catalogueFreshness } from './http/catalogue-freshness.js';
import { securityHeaders } from './http/security-headers.js';
import { apiRouter } from './http/api/api-router.js';
import { JobRunner } from './jobs/job-runner.js';
import { pagesRouter } from './http/pages/pages-router.js';
import { authenticate } from './http/auth/authenticate.js';
import { localCliAuthentication } from './http/auth/local-cli-auth.js';
import type { LocalCliCredential } from './access/local-cli-credential.js';
import { loginLimiters } from './http/auth/login-limiter.js';
import { DEFAULT_MAX_UPLOAD_MB } from './config.js';
import { createServices } from './services/services.js';
import type { ReportSnapshots } from './services/report-snapshots.js';
import type { RenderPool } from './workers/render-pool.js';

export interface AppDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly views: Views;
  /** The definitions, version by version; its current registry is what every door uses (see services.ts). */
  readonly catalogue: DefinitionCatalogue;
  /** Long imports and evaluations; one per process (by default recorded in the store's jobs). */
  readonly jobs?: JobRunner;
  /** The largest upload accepted over HTTP (Config.maxUploadBytes); 32 MiB when absent. */
  readonly maxUploadBytes?: number;
  /** Config.trustProxy; false when absent. */
  readonly trustProxy?: string | number | false;
  /** The command line's credential while this server holds the embedded store (main.ts). */
  readonly localCli?: LocalCliCredential;
  /** Config.maxJobs: evaluation jobs that run at once (the rest queue); 1 when absent. */
  readonly maxJobs?: number;
  /** Where report contexts are kept between restarts (main.ts: under DATA_DIR); none when absent. */
  readonly reportSnapshots?: ReportSnapshots;
  /** Render threads for the ranking and unit pages (main.ts); every page is made in this thread when absent. */
  readonly renderPool?: RenderPool;
}

export function buildApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(securityHeaders());
  const jobs =
    deps.jobs ??
    new JobRunner({
      limits: { evaluation: deps.maxJobs ?? 1 },
      journal: deps.store.jobs,
      onUnexpected: (error) => {
        deps.logger.error({ err: error }, 'job failed');
      },
      onJournalError: (error, job) => {
        deps.logger.error(
          { err: error, job: job.id },
          'could not record a job in the store (the job goes on)',
        );
      },
    });
  const services = createServices(deps.store, deps.catalogue, jobs, deps.reportSnapshots);
  app.use(localCliAuthentication(deps.localCli));
  app.use(authenticate(services));
  app.use(catalogueFreshness(deps.catalogue));
  const maxUploadBytes = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  const limiters = loginLimiters();
  app.use('/api', apiRouter(services, maxUploadBytes, limiters));
  app.use(healthRouter(services));
  app.use(pagesRouter(services, deps.views, maxUploadBytes, limiters, deps.renderPool));
  app.use(notFoundHandler());
  app.use(errorHandler(deps.logger, deps.views));
  return app;
}
