import { Router } from 'express';
import type { Store } from '../store/store.js';
import type { Views } from './views.js';

/** The front page: what this installation is and whether its store answers. */
export function homeRouter(store: Store, views: Views): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const health = await store.ping();
    res.type('html').send(
      views.render('home', {
        title: '治理 Zhili',
        storeKind: health.kind,
        storeOk: health.status === 'ok',
      }),
    );
  });
  return router;
}
