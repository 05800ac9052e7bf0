/**
 * The batches waiting for a reviewer (issue 15): committed self-reported observation batches not
 * yet confirmed or returned, whose units this actor may review (review-scope.ts), newest first,
 * each with its unit count and the first few unit names so the list says whose figures they are.
 * Needs data.confirm; read-only, so nothing is audited.
 *
 * @example const waiting = await batchesToReview(services, actor, { limit: 50 })
 */
import type { BatchAwaitingReview } from '../domain/batch-awaiting-review.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { reviewScope } from './review-scope.js';

/** How many unit names each batch carries; the count says how many more there are. */
export const NAMED_UNITS = 3;

export async function batchesToReview(
  context: { readonly store: Store },
  actor: Actor,
  page: { readonly limit: number; readonly offset?: number },
): Promise<BatchAwaitingReview[]> {
  assertMay(actor, 'data.confirm');
  const { store } = context;
  const stray = await reviewScope(store, actor);
  const committed = await store.imports.list({ kind: 'observations', status: 'committed' });
  const waiting: BatchAwaitingReview[] = [];
  const wanted = (page.offset ?? 0) + page.limit;
  for (const batch of committed) {
    if (waiting.length >= wanted) break;
    if (batch.source !== 'self' || batch.review !== null) continue;
    const units = await store.imports.unitsOf(batch.id);
    if (units.length === 0 || stray(units) !== undefined) continue;
    const named = await Promise.all(
      units.slice(0, NAMED_UNITS).map(async (code) => ({
        code,
        name: (await store.units.get(code))?.name ?? null,
      })),
    );
    waiting.push({ batch, unitCount: units.length, units: named });
  }
  return waiting.slice(page.offset ?? 0, wanted);
}
