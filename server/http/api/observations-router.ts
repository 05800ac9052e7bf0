/**
 * GET /api/v1/periods and GET /api/v1/observations?period=P[&unit=CODE] (current values, paged),
 * and a unit's history. Raw values need data.read; a unit scope limits them to the caller's units.
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { observationHistory, observationsOf, periodsOf } from '../../services/read-data.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { pageOf, pagingOf, textParam } from './paging.js';

export function observationsRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.get('/periods', requirePermission('reports.read'), async (_req, res) => {
    res.json({ items: await periodsOf({ store }, requestActor(res)) });
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
    const observations = await observationsOf({ store }, requestActor(res), {
      period,
      ...(unit === undefined ? {} : { unit }),
    });
    res.json(pageOf(observations, paging));
  });
  router
    .route('/units/:code/observations/:period/history')
    .get(requirePermission('data.read'), async (req, res) => {
      const { code, period } = req.params;
      res.json({ items: await observationHistory({ store }, requestActor(res), code, period) });
    });
  return router;
}
