/**
 * GET /api/v1/units (filter by level and parent, paged) and GET /api/v1/units/:code. Everyone who
 * reads reports may read unit names (reports.read); a caller with a unit scope sees only the units
 * in their subtrees, and any other unit answers 404.
 */
import { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import { UNIT_LEVELS, type UnitLevel } from '../../store/models/unit.js';
import type { Store } from '../../store/store.js';
import { requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { envelope, pageOf, pagingOf, textParam } from './paging.js';
import { unitScopeOf } from './unit-scope-of.js';

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
  router.get('/units', requirePermission('reports.read'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const level = levelOf(query);
    const parent = textParam(query, 'parent');
    const filter = {
      ...(level === undefined ? {} : { level }),
      ...(parent === undefined ? {} : { parent: parent === '' ? null : parent }),
    };
    const scope = await unitScopeOf(store, requirePrincipal(res).user);
    if (scope.unrestricted) {
      const units = await store.units.list({ ...filter, limit: paging.limit + 1, offset: paging.offset });
      res.json(envelope(units, paging));
      return;
    }
    // A scoped caller's page is cut from the matching units they may see.
    const units = await store.units.list(filter);
    res.json(
      pageOf(
        units.filter((unit) => scope.allows(unit.code)),
        paging,
      ),
    );
  });
  router.route('/units/:code').get(requirePermission('reports.read'), async (req, res) => {
    const unit = await store.units.get(req.params.code);
    const scope = await unitScopeOf(store, requirePrincipal(res).user);
    // Outside the caller's scope reads exactly like a unit that does not exist.
    if (unit === undefined || !scope.allows(unit.code))
      throw new NotFoundError(`no unit with code ${req.params.code}`);
    res.json(unit);
  });
  return router;
}
