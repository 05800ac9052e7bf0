/**
 * The audit log (audit.read, admins): GET /api/v1/audit?actor=&action=&target=&since=&until= pages
 * through the events, newest first (limit, offset, next as everywhere); GET /audit/export?format=
 * csv|json with the same filters downloads up to AUDIT_EXPORT_LIMIT of them at once.
 *
 * @example GET /api/v1/audit?action=login.failure&since=2025-01-01T00:00:00Z&limit=50
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { auditEvents, everyAuditEvent } from '../../services/read-audit.js';
import type { AuditQuery } from '../../domain/audit-event.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { auditCsv, auditJson } from './audit-export.js';
import { envelope, pagingOf, textParam } from './paging.js';

function dateParam(query: Record<string, unknown>, name: string): string | undefined {
  const raw = textParam(query, name);
  if (raw === undefined) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) {
    throw new ValidationError(`query parameter ${name} must be a date or an ISO timestamp`, [
      { where: `query.${name}`, message: `found ${JSON.stringify(raw)}` },
    ]);
  }
  return new Date(time).toISOString();
}

function filterOf(query: Record<string, unknown>): AuditQuery {
  const filter: Record<string, string> = {};
  for (const name of ['actor', 'action', 'target'] as const) {
    const value = textParam(query, name);
    if (value !== undefined) filter[name] = value;
  }
  for (const name of ['since', 'until'] as const) {
    const value = dateParam(query, name);
    if (value !== undefined) filter[name] = value;
  }
  return filter;
}

export function auditRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.use('/audit', requirePermission('audit.read'));
  router.get('/audit', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const events = await auditEvents({ store }, requestActor(res), {
      ...filterOf(query),
      limit: paging.limit + 1,
      offset: paging.offset,
    });
    res.json(envelope(events, paging));
  });
  router.get('/audit/export', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const format = textParam(query, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') {
      throw new ValidationError('query parameter format must be csv or json', [
        { where: 'query.format', message: `found ${JSON.stringify(format)}` },
      ]);
    }
    const events = await everyAuditEvent({ store }, requestActor(res), filterOf(query));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`zhili-audit-${stamp}.csv`).send(auditCsv(events));
    } else {
      res
        .type('application/json; charset=utf-8')
        .attachment(`zhili-audit-${stamp}.json`)
        .send(auditJson(events));
    }
  });
  return router;
}
