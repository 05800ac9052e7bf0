/**
 * GET /: the front page for a logged-in reader: what they may do here (the sections of their role),
 * how many evaluations they may read (drafts only with drafts.read) and whether the store answers.
 */
import { Router } from 'express';
import { homePage } from '../../reports/views/home-page.js';
import { evaluationsList } from '../../services/read-evaluations.js';
import type { Services } from '../../services/services.js';
import { storeHealth } from '../../services/store-health.js';
import { requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { renderPage } from './render-page.js';

export function homePages(services: Services, views: Views): Router {
  const router = Router();
  router.get('/', requirePermission('reports.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const { user } = requirePrincipal(res);
    const [health, evaluations] = await Promise.all([
      storeHealth(services),
      evaluationsList(services, requestActor(res), { limit: 1000 }),
    ]);
    const page = homePage(lang, {
      displayName: user.displayName,
      role: user.role,
      evaluationCount: evaluations.length,
      storeKind: health.kind,
      storeOk: health.status === 'ok',
    });
    renderPage(req, res, views, 'home', page);
  });
  return router;
}
