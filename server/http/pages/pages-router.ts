/**
 * Everything a browser reads besides the API: static files, the login, logout and setup pages, the
 * front page, the account and admin pages, the evaluation reports, the indicator catalogue, the
 * import pages and the reader's jobs. Mounted by buildApp after the API and before the 404 handler.
 *
 * Default deny: static files, /login, /logout and /setup are open; every other page states the
 * permission it needs (requirePermission), so an anonymous GET goes to /login?next=…. Forms are
 * urlencoded (at most 64 kB) and every unsafe request carries the CSRF token, checked here for all
 * of them except the multipart import upload, whose route checks the token inside the parsed body.
 */
import express, { Router, type RequestHandler } from 'express';
import type { Services } from '../../services/services.js';
import { csrfProtection } from '../auth/csrf.js';
import type { Views } from '../views.js';
import { accountPages } from './account-pages.js';
import { auditPages } from './audit-pages.js';
import { cataloguePages } from './catalogue-page.js';
import { indicatorCheckPages } from './indicator-check-page.js';
import { definitionDraftPages } from './definition-draft-pages.js';
import { evaluationFormPages } from './evaluation-form-pages.js';
import { evaluationPages } from './evaluation-pages.js';
import type { RenderPool } from '../../workers/render-pool.js';
import { evaluationsComparePages } from './evaluations-compare-page.js';
import { ownPrioritiesPages } from './own-priorities-page.js';
import { homePages } from './home-page.js';
import { importPages } from './import-pages.js';
import { jobsPages } from './jobs-page.js';
import { loginPages } from './login-pages.js';
import { multipartOnlyAt } from './multipart-only-at.js';
import { setupPages } from './setup-pages.js';
import { statisticalAuditPages } from './statistical-audit-pages.js';
import { satisfactionPages } from './satisfaction-pages.js';
import { staticRouter } from './static-router.js';
import { templateDownloadPages } from './template-download-page.js';
import { userAdminPages } from './user-admin-pages.js';
import { selfPages } from './self-pages.js';

export function pagesRouter(
  services: Services,
  views: Views,
  maxUploadBytes: number,
  loginLimiters: readonly RequestHandler[],
  renderPool?: RenderPool,
): Router {
  const router = Router();
  router.use(staticRouter());
  // The workbench's editor posts whole definition files (up to the store's 200,000 characters).
  router.use('/definitions', express.urlencoded({ extended: false, limit: '1mb' }));
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));
  router.use(csrfProtection({ multipartInRoute: true }));
  router.use(multipartOnlyAt(['/import']));
  router.use(loginPages(services, views, loginLimiters));
  router.use(setupPages(services, views));
  router.use(homePages(services, views));
  router.use(accountPages(services, views, loginLimiters));
  router.use(userAdminPages(services, views));
  router.use(auditPages(services, views));
  router.use(evaluationFormPages(services, views));
  router.use(evaluationsComparePages(services, views));
  router.use(ownPrioritiesPages(services));
  router.use(evaluationPages(services, services.reports, views, renderPool));
  router.use(statisticalAuditPages(views, services.reports));
  router.use(satisfactionPages(views, services.reports));
  router.use(indicatorCheckPages(services, views));
  router.use(definitionDraftPages(services, views));
  router.use(cataloguePages(services, views));
  router.use(templateDownloadPages(services));
  router.use(importPages(services, views, maxUploadBytes));
  router.use(jobsPages(services, views));
  router.use(selfPages(services, views));
  return router;
}
