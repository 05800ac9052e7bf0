/**
 * The use case "is Zhili healthy": whether the store answers (its kind, status and round trip) and
 * whether an unfinished restore marks it (then it must not be served). Anonymous (/healthz) and the
 * front page ask it; neither door reaches the store itself.
 *
 * @example const health = await storeHealth(services); if (health.restoring) …
 */
import { unfinishedRestore, type RestoreMarker } from '../backup/restore-marker.js';
import type { Store, StoreHealth } from '../store/store.js';

export interface Health extends StoreHealth {
  /** The restore that has not finished, when one marks the store. */
  readonly restoring: RestoreMarker | undefined;
}

export async function storeHealth(context: { readonly store: Store }): Promise<Health> {
  const health = await context.store.ping();
  const restoring = health.status === 'ok' ? await unfinishedRestore(context.store) : undefined;
  return { ...health, restoring };
}
