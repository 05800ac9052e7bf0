/**
 * Expired sessions and API tokens are never accepted, but their records would pile up: remove them
 * at start-up and then every hour while the server runs.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';

const EVERY_MS = 3600_000;

/** Purges once now and then hourly; the returned function stops the timer. */
export async function purgeExpiredCredentials(store: Store, logger: Logger): Promise<() => void> {
  const purge = async (): Promise<void> => {
    const removed = await store.sessions.purgeExpired();
    if (removed > 0) logger.info({ removed }, 'expired sessions and tokens removed');
  };
  await purge();
  const timer = setInterval(() => {
    purge().catch((error: unknown) => {
      logger.warn({ err: error }, 'could not remove expired sessions');
    });
  }, EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
