/**
 * The units an actor may see: every unit when they have no unit scope, otherwise the subtrees of
 * their scope roots, worked out from the current unit tree in the store. The tree is read only
 * for scoped actors, so unrestricted callers pay nothing.
 *
 * @example const scope = await unitScopeOf(store, actor); scope.allows('WY01S01C00');
 */
import { UnitScope } from '../access/unit-scope.js';
import type { Store } from '../store/store.js';

export async function unitScopeOf(
  store: Store,
  actor: { readonly unitScope?: readonly string[] | null },
): Promise<UnitScope> {
  if (actor.unitScope === undefined || actor.unitScope === null) return UnitScope.everything();
  const parents = new Map((await store.units.list()).map((unit) => [unit.code, unit.parent]));
  return UnitScope.of(actor.unitScope, (code) => parents.get(code));
}
