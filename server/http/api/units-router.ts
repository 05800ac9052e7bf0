/** GET /api/v1/units (filter by level and parent, paged) and GET /api/v1/units/:code. */
import { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import { UNIT_LEVELS, type UnitLevel } from '../../store/models/unit.js';
import type { Store } from '../../store/store.js';
import { envelope, pagingOf, textParam } from './paging.js';

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

export function unitsRouter(store: Store): Router {
  const router = Router();
  router.get('/units', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const level = levelOf(query);
    const parent = textParam(query, 'parent');
    const units = await store.units.list({
      ...(level === undefined ? {} : { level }),
      ...(parent === undefined ? {} : { parent: parent === '' ? null : parent }),
      limit: paging.limit + 1,
      offset: paging.offset,
    });
    res.json(envelope(units, paging));
  });
  router.get('/units/:code', async (req, res) => {
    const unit = await store.units.get(req.params.code);
    if (unit === undefined) throw new NotFoundError(`no unit with code ${req.params.code}`);
    res.json(unit);
  });
  return router;
}
