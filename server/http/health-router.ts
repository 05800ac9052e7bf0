import { Router } from 'express';
import { unfinishedRestoreMessage } from '../backup/restore-marker.js';
import { STORE_RETRY_AFTER_SECONDS } from '../errors.js';
import type { Services } from '../services/services.js';
import { storeHealth } from '../services/store-health.js';

/**
 * GET /healthz: the store kind and whether it answers; 503 with Retry-After when it does not, and
 * 503 while a restore is unfinished. The answer is anonymous, so a failure is described in fixed
 * words: the driver's message (an address, a path) stays out of it.
 */
export function healthRouter(services: Services): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const { restoring, ...health } = await storeHealth(services);
    if (health.status !== 'ok') res.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
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
