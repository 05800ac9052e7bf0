/**
 * /admin/audit (audit.read): the audit log filtered by actor, action, target and a date range, 50
 * events a page, and ?format=csv|xlsx|json&table=audit for everything the filter matches (through
 * send-table.ts, which neutralises formula-like cells: an actor or target is text someone typed).
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import {
  AUDIT_ROWS_PER_PAGE,
  auditExport,
  auditPage,
  type AuditFilter,
} from '../../reports/views/audit-page.js';
import { auditEvents, everyAuditEvent } from '../../services/read-audit.js';
import type { AuditQuery } from '../../domain/audit-event.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { oneOf, pageNumber, text, type Query } from './page-query.js';
import { renderPage } from './render-page.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

/** A YYYY-MM-DD day as its UTC midnight, or a 400 naming the parameter. */
function day(query: Query, name: string): string | undefined {
  const raw = text(query, name, 10);
  if (raw === undefined) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00.000Z`) : null;
  if (at === null || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== raw) {
    throw new ValidationError(`query parameter ${name} must be a date such as 2025-03-01`, [
      { where: `query.${name}`, message: `found ${JSON.stringify(raw)}` },
    ]);
  }
  return raw;
}

function auditFilter(query: Query): AuditFilter {
  return {
    actor: text(query, 'actor', 200),
    action: text(query, 'action', 100),
    target: text(query, 'target', 500),
    from: day(query, 'from'),
    to: day(query, 'to'),
    page: pageNumber(query),
  };
}

/** The store query of a filter: `to` is inclusive, so the range ends at the next midnight. */
function storeQuery(filter: AuditFilter): AuditQuery {
  const until =
    filter.to === undefined
      ? undefined
      : new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 24 * 3600_000).toISOString();
  return {
    ...(filter.actor === undefined ? {} : { actor: filter.actor }),
    ...(filter.action === undefined ? {} : { action: filter.action }),
    ...(filter.target === undefined ? {} : { target: filter.target }),
    ...(filter.from === undefined ? {} : { since: `${filter.from}T00:00:00.000Z` }),
    ...(until === undefined ? {} : { until }),
  };
}

export function auditPages(services: Services, views: Views): Router {
  const { store } = services;
  const router = Router();

  router.get('/admin/audit', requirePermission('audit.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const filter = auditFilter(req.query);
    const query = storeQuery(filter);
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      oneOf(req.query, 'table', ['audit'] as const);
      await sendTable(
        res,
        auditExport(await everyAuditEvent({ store }, requestActor(res), query), lang),
        format,
      );
      return;
    }
    // One event more than a page tells whether there is a next page.
    const found = await auditEvents({ store }, requestActor(res), {
      ...query,
      limit: AUDIT_ROWS_PER_PAGE + 1,
      offset: (filter.page - 1) * AUDIT_ROWS_PER_PAGE,
    });
    const shown = found.slice(0, AUDIT_ROWS_PER_PAGE);
    renderPage(req, res, views, 'audit', auditPage(lang, shown, filter, found.length > AUDIT_ROWS_PER_PAGE));
  });

  return router;
}
