import { Router } from 'express';
import { unfinishedRestore, unfinishedRestoreMessage } from '../backup/restore-marker.js';
import { STORE_RETRY_AFTER_SECONDS } from '../errors.js';
import type { Store } from '../store/store.js';

/**
 * GET /healthz: the store kind and whether it answers; 503 with Retry-After when it does not, and
 * 503 while a restore is unfinished. The answer is anonymous, so a failure is described in fixed
 * words: the driver's message (an address, a path) stays out of it.
 */
export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const health = await store.ping();
    if (health.status !== 'ok') res.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
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
      ...(health.status === 'ok' ? {} : { error: '存储无响应 the store does not answer' }),
    });
  });
  return router;
}
