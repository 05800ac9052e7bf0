/** GET /api/v1/periods and GET /api/v1/observations?period=P[&unit=CODE] (current values, paged). */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { pageOf, pagingOf, textParam } from './paging.js';

export function observationsRouter(store: Store): Router {
  const router = Router();
  router.get('/periods', async (_req, res) => {
    res.json({ items: await store.periods.list() });
  });
  router.get('/observations', async (req, res) => {
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
    res.json(pageOf(observations, paging));
  });
  router.get('/units/:code/observations/:period/history', async (req, res) => {
    res.json({ items: await store.observations.history(req.params.code, req.params.period) });
  });
  return router;
}
