import { Router } from 'express';
import { unfinishedRestore, unfinishedRestoreMessage } from '../backup/restore-marker.js';
import type { Store } from '../store/store.js';

/** GET /healthz: the store kind and whether it answers; 503 when it does not, or while a restore is unfinished. */
export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const health = await store.ping();
    const restoring = health.status === 'ok' ? await unfinishedRestore(store) : undefined;
    if (restoring !== undefined) {
      res.status(503).json({ status: 'restoring', error: unfinishedRestoreMessage(restoring) });
      return;
    }
    res.status(health.status === 'ok' ? 200 : 503).json({
      status: health.status,
      store: {
        kind: health.kind,
        status: health.status,
        latencyMs: Math.round(health.latencyMs * 100) / 100,
      },
      ...(health.error === undefined ? {} : { error: health.error }),
    });
  });
  return router;
}
