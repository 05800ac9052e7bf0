/**
 * /evaluations/:id/satisfaction: how closely the scores track residents' satisfaction (issue 15),
 * computed when the evaluation ran and stored with its results. ?measure=&level=&period=&node=
 * choose the survey indicator, level, period and node (defaults: the first indicator, its first
 * level, the latest period, the index); every table answers ?format=csv|xlsx|json&table=…. Readers
 * with reports.read see it; a draft or unknown id answers the same 404 as the other report pages,
 * and so does a reader limited to some units (the check is about every unit of a level).
 */
import { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { SatisfactionDocument } from '../../evaluation/satisfaction-section.js';
import type { ReportCache } from '../../services/report-cache.js';
import { satisfactionPage } from '../../reports/views/satisfaction-page.js';
import {
  SATISFACTION_TABLES,
  satisfactionTable,
  type SatisfactionSelection,
} from '../../reports/views/satisfaction-tables.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { oneOf, routeParam, type Query } from './page-query.js';
import { readableContext, scopeOf } from './report-access.js';
import { renderPage } from './render-page.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

/** The reader's choice, each part checked against what the section holds; defaults where not given. */
function selectionOf(
  query: Query,
  section: SatisfactionDocument,
  root: string,
): SatisfactionSelection | null {
  const measures = section.measures.map((m) => m.indicator);
  const measureId = oneOf(query, 'measure', measures) ?? measures[0];
  const measure = section.measures.find((m) => m.indicator === measureId);
  if (measure === undefined || measureId === undefined) return null;
  const levels = measure.levels.map((l) => l.level);
  const level = oneOf(query, 'level', levels) ?? levels[0] ?? '';
  const periods = (measure.levels.find((l) => l.level === level)?.periods ?? []).map((p) => p.period);
  const period = oneOf(query, 'period', periods) ?? periods[periods.length - 1] ?? '';
  const nodes = measure.levels[0]?.periods[0]?.nodes.map((n) => n.node) ?? [root];
  const node = oneOf(query, 'node', nodes) ?? (nodes.includes(root) ? root : (nodes[0] ?? root));
  return { measure: measureId, level, period, node };
}

export function satisfactionPages(views: Views, cache: ReportCache): Router {
  const router = Router();

  router.get('/evaluations/:id/satisfaction', requirePermission('reports.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const id = routeParam(req.params, 'id');
    const context = await readableContext(cache, res, id);
    if (!scopeOf(res, context).unrestricted)
      throw new NotFoundError(`no satisfaction check of ${id} for this reader`);
    const section = context.satisfaction;
    const selection = section === null ? null : selectionOf(req.query, section, context.results.root);
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      const table = oneOf(req.query, 'table', SATISFACTION_TABLES);
      if (table === undefined) {
        throw new ValidationError(`an export needs table=${SATISFACTION_TABLES.join('|')}`, [
          { where: 'query.table', message: 'missing' },
        ]);
      }
      if (section === null || selection === null)
        throw new NotFoundError(`evaluation ${id} has no satisfaction check stored`);
      return sendTable(res, satisfactionTable(section, table, selection, lang), format);
    }
    renderPage(req, res, views, 'satisfaction', satisfactionPage({ context, selection, lang }));
  });

  return router;
}
