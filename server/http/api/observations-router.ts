/**
 * GET /api/v1/periods and GET /api/v1/observations?period=P[&unit=CODE] (current values, paged),
 * and a unit's history. Raw values need data.read; a unit scope limits them to the caller's units.
 */
import { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { pageOf, pagingOf, textParam } from './paging.js';
import { unitScopeOf } from './unit-scope-of.js';

export function observationsRouter(store: Store): Router {
  const router = Router();
  router.get('/periods', requirePermission('reports.read'), async (_req, res) => {
    res.json({ items: await store.periods.list() });
  });
  router.get('/observations', requirePermission('data.read'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const period = textParam(query, 'period');
    if (period === undefined) {
      throw new ValidationError('query parameter period is required', [
        { where: 'query.period', message: 'missing' },
      ]);
    }
    const unit = textParam(query, 'unit');
    const observations = await store.observations.current({
      period,
      ...(unit === undefined ? {} : { units: [unit] }),
    });
    const scope = await unitScopeOf(store, requirePrincipal(res).user);
    res.json(
      pageOf(scope.unrestricted ? observations : observations.filter((o) => scope.allows(o.unit)), paging),
    );
  });
  router
    .route('/units/:code/observations/:period/history')
    .get(requirePermission('data.read'), async (req, res) => {
      const scope = await unitScopeOf(store, requirePrincipal(res).user);
      if (!scope.allows(req.params.code)) throw new NotFoundError(`no unit with code ${req.params.code}`);
      res.json({ items: await store.observations.history(req.params.code, req.params.period) });
    });
  return router;
}
