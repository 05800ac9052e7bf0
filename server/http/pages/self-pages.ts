/**
 * The self-evaluation pages (自主评价) for a viewer granted self.assess: GET /self (their own
 * self-evaluations and the form to run one), POST /self (run it, then go to its page) and
 * GET /self/:id (the result, printable). Someone else's id is "not found", as an unknown one is;
 * pages are never cached. The use cases are server/services/self-evaluations.ts.
 */
import { Router, type Request, type Response } from 'express';
import { AppError, NotFoundError } from '../../errors.js';
import { formProblems, type FormProblem } from '../../reports/views/form-problems.js';
import { href } from '../../reports/views/href.js';
import { selfListPage } from '../../reports/views/self-list-page.js';
import { selfPage } from '../../reports/views/self-page.js';
import { frameworkNames, selfEvaluationNames } from '../../services/self-evaluation-names.js';
import {
  listOwnSelfEvaluations,
  ownSelfEvaluation,
  runOwnSelfEvaluation,
  selfEvaluationOptions,
} from '../../services/self-evaluations.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { routeParam } from './page-query.js';
import { renderPage } from './render-page.js';

/** The checked periods of the form: one value, several, or none. */
function periodsOf(body: unknown): string[] {
  const value = (body as { periods?: unknown } | undefined)?.periods;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 64);
}

function frameworkOf(body: unknown): string {
  const value = (body as { framework?: unknown } | undefined)?.framework;
  return typeof value === 'string' ? value : '';
}

export function selfPages(services: Services, views: Views): Router {
  const router = Router();

  async function showList(req: Request, res: Response, problems: readonly FormProblem[] = [], status = 200) {
    const actor = requestActor(res);
    const mine = await listOwnSelfEvaluations(services, actor);
    const options = await selfEvaluationOptions(services, actor);
    res.setHeader('Cache-Control', 'private, no-store');
    const model = selfListPage(
      { mine, frameworks: frameworkNames(services.registry), periods: options.periods, problems },
      pageLang(req, res),
    );
    renderPage(req, res, views, 'self', model, status);
  }

  router.get('/self', requirePermission('reports.read'), async (req, res) => {
    await showList(req, res);
  });

  router.post('/self', requirePermission('reports.read'), async (req, res) => {
    const lang = pageLang(req, res);
    try {
      const self = await runOwnSelfEvaluation(services, requestActor(res), {
        framework: frameworkOf(req.body),
        periods: periodsOf(req.body),
      });
      res.redirect(303, href(`/self/${encodeURIComponent(self.id)}`, lang === 'en' ? { lang } : {}));
    } catch (error) {
      if (!(error instanceof AppError) || error instanceof NotFoundError || error.status === 403) throw error;
      await showList(req, res, formProblems(error, lang), error.status);
    }
  });

  router.get('/self/:id', requirePermission('reports.read'), async (req, res) => {
    const self = await ownSelfEvaluation(services, requestActor(res), routeParam(req.params, 'id'));
    const names = await selfEvaluationNames(services, self);
    res.setHeader('Cache-Control', 'private, no-store');
    const path = `/self/${encodeURIComponent(self.id)}`;
    renderPage(req, res, views, 'self-evaluation', selfPage(self, names, pageLang(req, res), path));
  });
  return router;
}
