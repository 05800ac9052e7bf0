/**
 * GET /api/v1/units (filter by level and parent, paged) and GET /api/v1/units/:code. Everyone who
 * reads reports may read unit names (reports.read); a caller with a unit scope sees only the units
 * in their subtrees, and any other unit answers 404. GET /api/v1/unit-template?format=csv|xlsx is the
 * unit register template, filled with the current register (data.import).
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { UNIT_LEVELS, type UnitLevel } from '../../domain/unit.js';
import { unitOf, unitsOf } from '../../services/read-data.js';
import { REGISTER_TEMPLATE_FORMATS, unitRegisterTemplate } from '../../services/unit-register-template.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { envelope, pageOf, pagingOf, textParam } from './paging.js';

function levelOf(query: Record<string, unknown>): UnitLevel | undefined {
  const level = textParam(query, 'level');
  if (level === undefined) return undefined;
  const known = UNIT_LEVELS.find((l) => l === level);
  if (known === undefined) {
    throw new ValidationError(`query parameter level must be one of ${UNIT_LEVELS.join(', ')}`, [
      { where: 'query.level', message: `found ${JSON.stringify(level)}` },
    ]);
  }
  return known;
}

export function unitsRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.get('/units', requirePermission('reports.read'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const level = levelOf(query);
    const parent = textParam(query, 'parent');
    const filter = {
      ...(level === undefined ? {} : { level }),
      ...(parent === undefined ? {} : { parent: parent === '' ? null : parent }),
    };
    const page = { limit: paging.limit + 1, offset: paging.offset };
    const { units, paged } = await unitsOf({ store }, requestActor(res), filter, page);
    // A scoped caller's page is cut from the matching units they may see.
    res.json(paged ? envelope(units, paging) : pageOf(units, paging));
  });
  router.route('/units/:code').get(requirePermission('reports.read'), async (req, res) => {
    // Outside the caller's scope reads exactly like a unit that does not exist.
    res.json(await unitOf({ store }, requestActor(res), req.params.code));
  });
  router.get('/unit-template', requirePermission('data.import'), async (req, res) => {
    const format = textParam(req.query, 'format') ?? 'csv';
    const known = REGISTER_TEMPLATE_FORMATS.find((f) => f === format);
    if (known === undefined) {
      throw new ValidationError('query parameter format must be csv or xlsx', [
        { where: 'query.format', message: `found ${JSON.stringify(format)}` },
      ]);
    }
    const file = await unitRegisterTemplate({ store }, requestActor(res), known);
    res.type(file.contentType).attachment(file.fileName).send(file.body);
  });
  return router;
}
