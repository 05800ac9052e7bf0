/**
 * Everything under /api/v1, plus the OpenAPI document at /api/openapi.json. Default deny: apart
 * from the document and the login (POST /v1/session), every request needs a principal (a session
 * cookie or an API token; 401 otherwise), each route asks for its permission (403), and unsafe
 * calls made with the session cookie must carry X-CSRF-Token. JSON bodies and query strings with
 * "$" or "." keys or "__proto__" are refused before any route sees them.
 */
import express, { Router, type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Services } from '../../services/services.js';
import { csrfProtection } from '../auth/csrf.js';
import { requirePrincipal } from '../auth/principal.js';
import { refuseUnsafeKeys } from '../json-keys.js';
import { auditRouter } from './audit-router.js';
import { catalogueRouter } from './catalogue-router.js';
import { evaluationVersionsRouter } from './evaluation-versions-router.js';
import { evaluationsRouter } from './evaluations-router.js';
import { evaluationsCompareRouter } from './evaluations-compare-router.js';
import { frameworksRouter } from './frameworks-router.js';
import { importsRouter } from './imports-router.js';
import { indicatorDraftsRouter } from './indicator-drafts-router.js';
import { jobsRouter } from './jobs-router.js';
import { loginRouter } from './login-router.js';
import { logoutRouter } from './logout-router.js';
import { meRouter } from './me-router.js';
import { observationsRouter } from './observations-router.js';
import { openApiDocument } from './openapi.js';
import { tokensRouter } from './tokens-router.js';
import { unitsRouter } from './units-router.js';
import { usersRouter } from './users-router.js';
import { selfEvaluationsRouter } from './self-evaluations-router.js';
import { userTokensRouter } from './user-tokens-router.js';

/** JSON bodies up to 1 MB, except uploads, which their own route reads raw (a JSON data file can be large). */
function isJsonBody(req: IncomingMessage): boolean {
  const upload = req.method === 'POST' && (req.url ?? '').startsWith('/v1/imports');
  return !upload && /\bjson\b/.test(req.headers['content-type'] ?? '');
}

/** 401 for every request without a valid session or token, whatever the path. */
const signedInOnly: RequestHandler = (_req, res, next) => {
  requirePrincipal(res);
  next();
};

export function apiRouter(
  services: Services,
  maxUploadBytes: number,
  loginLimiters: readonly RequestHandler[],
): Router {
  const v1 = Router();
  v1.use(meRouter());
  v1.use(logoutRouter(services));
  v1.use(tokensRouter(services));
  v1.use(usersRouter(services));
  v1.use(userTokensRouter(services));
  v1.use(auditRouter(services));
  v1.use(unitsRouter(services));
  v1.use(observationsRouter(services));
  v1.use(frameworksRouter(services));
  v1.use(indicatorDraftsRouter(services));
  v1.use(importsRouter(services, maxUploadBytes));
  v1.use(evaluationsCompareRouter(services));
  v1.use(evaluationsRouter(services));
  v1.use(evaluationVersionsRouter(services));
  v1.use(jobsRouter(services));
  v1.use(selfEvaluationsRouter(services));
  v1.use(catalogueRouter(services));
  const api = Router();
  api.use(express.json({ limit: '1mb', type: isJsonBody }));
  api.use(refuseUnsafeKeys());
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  api.use('/v1', loginRouter(services, loginLimiters));
  // The order matters: anonymous callers get 401 before any CSRF or route check.
  api.use('/v1', signedInOnly, csrfProtection({ multipartInRoute: false }), v1);
  return api;
}
