/**
 * "My priorities" on an evaluation's page: the block the page shows (the form, and the re-ranking
 * once the query carries ratings ?w.<dimension>=0…5, so the form works without a script) and
 * GET /evaluations/:id/priorities, which answers the same block's result as JSON for the page's
 * script while the ratings change. Both read through the ownPriorities use case; nothing is saved.
 */
import { Router, type Request, type Response } from 'express';
import type { ReportContext } from '../../reports/context/report-context.js';
import type { Lang } from '../../reports/i18n/lang.js';
import {
  prioritiesForm,
  prioritiesResult,
  type PrioritiesSection,
} from '../../reports/views/own-priorities-view.js';
import { ownPriorities, priorityDimensions } from '../../services/own-priorities.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { pageLang } from './page-lang.js';
import { routeParam, text, type Query } from './page-query.js';

/** The ratings of the query (?w.<dimension>=…), as sent; null when it has none. */
function ratingsOf(query: Query): Record<string, unknown> | null {
  const ratings: Record<string, unknown> = {};
  let any = false;
  for (const name of Object.keys(query)) {
    if (!name.startsWith('w.')) continue;
    ratings[name] = text(query, name, 10);
    any = true;
  }
  return any ? ratings : null;
}

/** The block of the evaluation page for this request, in the period the page shows. */
export async function prioritiesSection(
  services: Services,
  res: Response,
  context: ReportContext,
  query: Query,
  period: number,
  lang: Lang,
): Promise<PrioritiesSection> {
  const actor = requestActor(res);
  const ratings = ratingsOf(query);
  if (ratings === null) {
    const { dimensions, defaults } = await priorityDimensions(services, actor, context.evaluation.id);
    return { form: prioritiesForm(context, dimensions, defaults, period, lang), result: null };
  }
  const priorities = await ownPriorities(services, actor, context.evaluation.id, {
    ratings,
    period: context.results.periods[period],
  });
  return {
    form: prioritiesForm(context, priorities.dimensions, priorities.ratings, priorities.period, lang),
    result: prioritiesResult(priorities, lang),
  };
}

export function ownPrioritiesPages(services: Services): Router {
  const router = Router();
  router.get('/evaluations/:id/priorities', requirePermission('reports.read'), async (req: Request, res) => {
    const lang = pageLang(req, res);
    const priorities = await ownPriorities(services, requestActor(res), routeParam(req.params, 'id'), {
      ratings: ratingsOf(req.query) ?? {},
      period: text(req.query, 'period', 64),
    });
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(prioritiesResult(priorities, lang));
  });
  return router;
}
