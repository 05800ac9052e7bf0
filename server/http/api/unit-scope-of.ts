/**
 * The units a caller may see: every unit when the user has no unit scope, otherwise the subtrees
 * of their scope roots, worked out from the current unit tree in the store. The tree is read only
 * for scoped users, so unrestricted callers pay nothing.
 *
 * @example const scope = await unitScopeOf(store, principal.user); scope.allows('WY01S01C00');
 */
import { UnitScope } from '../../access/unit-scope.js';
import type { User } from '../../store/models/user.js';
import type { Store } from '../../store/store.js';

export async function unitScopeOf(store: Store, user: User): Promise<UnitScope> {
  if (user.unitScope === null) return UnitScope.everything();
  const parents = new Map((await store.units.list()).map((unit) => [unit.code, unit.parent]));
  return UnitScope.of(user.unitScope, (code) => parents.get(code));
}
