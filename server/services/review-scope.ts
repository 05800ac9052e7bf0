/**
 * Whom a reviewer may review (issue 15): every unit of a self-reported batch must sit directly
 * below one of the reviewer's unit-scope roots — a street's official reviews its communities, a
 * district's its streets — and a reviewer without a unit scope (the city's) reviews any batch.
 * Shared by reviewing one batch (review-batch.ts) and listing those waiting (batches-to-review.ts).
 *
 * @example const stray = (await reviewScope(store, actor))(['D1S1C1']) // undefined when allowed
 */
import type { Store } from '../store/store.js';
import type { Actor } from './actor.js';

/** The first of a batch's units outside the actor's review scope, if any (one unit-list read). */
export type StrayUnit = (units: readonly string[]) => string | undefined;

export async function reviewScope(store: Store, actor: Actor): Promise<StrayUnit> {
  const roots = actor.unitScope;
  if (roots === undefined || roots === null) return () => undefined;
  const parents = new Map((await store.units.list()).map((unit) => [unit.code, unit.parent]));
  return (units) =>
    units.find((code) => {
      const parent = parents.get(code);
      return parent === undefined || parent === null || !roots.includes(parent);
    });
}
