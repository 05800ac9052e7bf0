/**
 * /evaluations/:id/audit: the statistical audit of an evaluation (computed by the engine when the
 * evaluation ran and stored with its results) for readers with data.read — evaluators, researchers
 * and admins; a viewer gets 403, a draft or an unknown id the same 404 as on the other report pages,
 * and a reader limited to some units 404 (the audit is about every unit). Every table answers
 * ?format=csv|xlsx|json&table=…. The audit section is read once per evaluation results and kept.
 */
import { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { AuditDocument } from '../../evaluation/audit-document.js';
import { reflagged } from '../../evaluation/audit-reflag.js';
import type { FlagThresholds } from '../../engine/audit/correlation-flags.js';
import type { ReportCache } from '../../services/report-cache.js';
import { statisticalAuditPage } from '../../reports/views/statistical-audit-page.js';
import {
  STATISTICAL_AUDIT_TABLES,
  statisticalAuditTable,
} from '../../reports/views/statistical-audit-tables.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { oneOf, routeParam, text, type Query } from './page-query.js';
import { readableContext, scopeOf } from './report-access.js';
import { renderPage } from './render-page.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

export function statisticalAuditPages(views: Views, cache: ReportCache): Router {
  const router = Router();

  router.get('/evaluations/:id/audit', requirePermission('data.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const id = routeParam(req.params, 'id');
    const context = await readableContext(cache, res, id);
    if (!scopeOf(res, context).unrestricted)
      throw new NotFoundError(`no statistical audit of ${id} for this reader`);
    // The audit and the Sobol indices come with the report context: the results are read once.
    const { sensitivity } = context;
    const thresholds = context.audit === null ? undefined : thresholdsAsked(req.query, context.audit);
    const audit =
      context.audit === null || thresholds === undefined
        ? context.audit
        : reflagged(context.audit, thresholds);
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      const table = oneOf(req.query, 'table', STATISTICAL_AUDIT_TABLES);
      if (table === undefined) {
        throw new ValidationError(`an export needs table=${STATISTICAL_AUDIT_TABLES.join('|')}`, [
          { where: 'query.table', message: 'missing' },
        ]);
      }
      if (audit === null && table !== 'sensitivity') {
        throw new NotFoundError(`evaluation ${id} has no statistical audit stored`);
      }
      const empty: AuditDocument = {
        period: '',
        indicators: [],
        stats: [],
        correlations: [],
        flags: [],
        flagThresholds: { high: null, low: null },
        withParent: [],
        cronbach: [],
        pca: [],
        sizeCorrelations: [],
        sizeThreshold: null,
        removal: [],
      };
      return sendTable(res, statisticalAuditTable(audit ?? empty, sensitivity, table, lang), format);
    }
    renderPage(
      req,
      res,
      views,
      'statistical-audit',
      statisticalAuditPage({
        context,
        audit,
        sensitivity,
        lang,
        ...(thresholds === undefined ? {} : { thresholds }),
      }),
    );
  });

  return router;
}

/** A threshold from the query, checked against its range; undefined when not given. */
function threshold(query: Query, name: string, low: number, high: number): number | undefined {
  const raw = text(query, name, 32);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < low || value > high) {
    throw new ValidationError(
      {
        zh: `${name} 必须是 ${low} 到 ${high} 之间的数，收到“${raw}”`,
        en: `${name} must be a number from ${low} to ${high}, found "${raw}"`,
      },
      [
        {
          where: `query.${name}`,
          message: `expected a number from ${low} to ${high}`,
          zh: `应为 ${low} 到 ${high} 之间的数`,
        },
      ],
    );
  }
  return value;
}

/** The flag thresholds the reader asked for (?high=&low=), or undefined to keep the stored flags. */
function thresholdsAsked(query: Query, audit: AuditDocument): FlagThresholds | undefined {
  const high = threshold(query, 'high', 0, 1);
  const low = threshold(query, 'low', -1, 0);
  if (high === undefined && low === undefined) return undefined;
  return {
    high: high ?? audit.flagThresholds.high ?? 0.9,
    low: low ?? audit.flagThresholds.low ?? -0.4,
  };
}
