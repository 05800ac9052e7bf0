/**
 * The names of some units by code, from the current unit register, so a page can show 光谷区
 * (WY03) where it would otherwise print a bare code (the users' unit scopes on the admin page).
 * Needs reports.read and answers only for the units the actor may see; a code with no unit is left
 * out, and the page shows the code alone.
 *
 * @example const names = await unitNamesOf(services, actor, ['WY03']); names.get('WY03')?.zh
 */
import type { Bilingual } from '../domain/bilingual.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { unitScopeOf } from './unit-scope-of.js';

export async function unitNamesOf(
  context: { readonly store: Store },
  actor: Actor,
  codes: Iterable<string>,
): Promise<ReadonlyMap<string, Bilingual>> {
  assertMay(actor, 'reports.read');
  const scope = await unitScopeOf(context.store, actor);
  const names = new Map<string, Bilingual>();
  for (const code of new Set(codes)) {
    const unit = await context.store.units.get(code);
    if (unit !== undefined && scope.allows(code)) names.set(code, unit.name);
  }
  return names;
}
