/**
 * /evaluations/compare?ids=A,B[,C]&level=&period=: two or three evaluations of the same units side
 * by side (compare-evaluations.ts), and ?format=csv|xlsx|json&table=comparison|movers|agreement for
 * its tables as files. The ids come comma-separated or as repeated ids= (the picker's checkboxes on
 * the evaluations list). Mounted before the evaluation pages, so that "compare" is not read as an
 * evaluation id. Needs reports.read; drafts answer 404 to readers without drafts.read, and a reader
 * with a unit scope sees only their units.
 */
import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../../errors.js';
import type { EvaluationComparison } from '../../reports/context/evaluation-comparison.js';
import { fnv1a } from '../../reports/format/fnv1a.js';
import type { Lang } from '../../reports/i18n/lang.js';
import {
  COMPARE_TABLES,
  compareNaturalDir,
  compareSortKeys,
  evaluationsCompareExport,
  evaluationsComparePage,
} from '../../reports/views/evaluations-compare.js';
import { compareEvaluations } from '../../services/compare-evaluations.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requirePrincipal } from '../auth/principal.js';
import { requestActor } from '../request-actor.js';
import type { Views } from '../views.js';
import { pageEtag, viewerKey } from './page-etag.js';
import { pageLang } from './page-lang.js';
import { keptQuery, oneOf, pageNumber, text, type Query } from './page-query.js';
import { renderPage } from './render-page.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

const DIRS = ['asc', 'desc'] as const;

/** The ids of ?ids=: one text (comma-, space- or 、-separated) or repeated ids= values. */
export function compareIds(query: Query): string[] {
  const raw = query.ids;
  const values = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  if (values.length > 3 || values.some((v) => typeof v !== 'string' || v.length > 200)) {
    throw new ValidationError('比较需要 2 或 3 个评估编号；ids must name 2 or 3 evaluations', [
      { where: 'query.ids', message: `found ${JSON.stringify(raw).slice(0, 200)}` },
    ]);
  }
  return (values as string[]).flatMap((v) => v.split(/[\s,，、;；]+/)).filter((id) => id !== '');
}

/** Sets the page's validator; answers 304 (and returns false) when the browser has this page. */
function fresh(req: Request, res: Response, comparison: EvaluationComparison, lang: Lang): boolean {
  const etag = pageEtag(fnv1a(comparison.key), lang, req.originalUrl, viewerKey(requirePrincipal(res)));
  res.setHeader('ETag', etag);
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}

export function evaluationsComparePages(services: Services, views: Views): Router {
  const router = Router();
  router.get('/evaluations/compare', requirePermission('reports.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const comparison = await compareEvaluations(services, requestActor(res), {
      ids: compareIds(req.query),
      level: text(req.query, 'level', 20),
      period: text(req.query, 'period', 64),
    });
    if (fresh(req, res, comparison, lang)) return;
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      const table = oneOf(req.query, 'table', COMPARE_TABLES);
      if (table === undefined)
        throw new ValidationError(`an export needs table=${COMPARE_TABLES.join('|')}`, [
          { where: 'query.table', message: 'missing' },
        ]);
      return sendTable(res, evaluationsCompareExport(comparison, table, lang), format);
    }
    const sort = oneOf(req.query, 'sort', compareSortKeys(comparison)) ?? 'rank-A';
    const query = {
      sort,
      dir: oneOf(req.query, 'dir', DIRS) ?? compareNaturalDir(sort),
      page: pageNumber(req.query),
    };
    const kept = {
      ids: comparison.evaluations.map((e) => e.context.evaluation.id).join(','),
      ...keptQuery(req.query, ['level', 'period', 'sort', 'dir', 'page']),
    };
    renderPage(req, res, views, 'evaluations-compare', evaluationsComparePage(comparison, lang, query, kept));
  });
  return router;
}
