/** Everything under /api/v1, plus the OpenAPI document at /api/openapi.json. */
import express, { Router } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Registry } from '../../indicators/registry-types.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import type { Store } from '../../store/store.js';
import { evaluationsRouter } from './evaluations-router.js';
import { frameworksRouter } from './frameworks-router.js';
import { importsRouter } from './imports-router.js';
import { jobsRouter } from './jobs-router.js';
import { observationsRouter } from './observations-router.js';
import { openApiDocument } from './openapi.js';
import { unitsRouter } from './units-router.js';

/** JSON bodies up to 1 MB, except uploads, which their own route reads raw (a JSON data file can be large). */
function isJsonBody(req: IncomingMessage): boolean {
  const upload = req.method === 'POST' && (req.url ?? '').startsWith('/v1/imports');
  return !upload && /\bjson\b/.test(req.headers['content-type'] ?? '');
}

export function apiRouter(store: Store, registry: Registry, jobs: JobRunner, maxUploadBytes: number): Router {
  const v1 = Router();
  v1.use(unitsRouter(store));
  v1.use(observationsRouter(store));
  v1.use(frameworksRouter(registry));
  v1.use(importsRouter(store, registry, jobs, maxUploadBytes));
  v1.use(evaluationsRouter(store, registry, jobs));
  v1.use(jobsRouter(jobs));
  const api = Router();
  api.use(express.json({ limit: '1mb', type: isJsonBody }));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  api.use('/v1', v1);
  return api;
}
