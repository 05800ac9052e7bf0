/**
 * Unit scopes are for viewers only. A scope limits what its holder reads in reports, units and
 * results, but the other roles work on raw data (import batches, imports, jobs, drafts) that has no
 * unit boundary, so a scope on them would promise a limit it cannot keep. Setting one on another
 * role is refused, and so is giving a scoped viewer another role unless the same change clears the
 * scope. A store written before this rule may still hold a non-viewer with a scope: at start-up,
 * and at that user's login, the scope is cleared and audited (actor "system", action user.update,
 * with the reason), which changes nothing they could do, since such a scope never held.
 *
 * @example assertScopeFitsRole('evaluator', ['420102']) // throws ValidationError (400)
 */
import { ValidationError } from '../errors.js';
import { labelOf } from '../reports/i18n/labels.js';
import type { Role, User } from '../store/models/user.js';
import type { Store } from '../store/store.js';

/** Who the audit log names for a change the server makes by itself. */
export const SYSTEM_ACTOR = 'system';
const REASON = 'unit scopes apply to viewers only';

/**
 * Refuses a unit scope on any role but viewer. `roleChanged` says the change gives the user this
 * role, so the message tells an admin to clear the scope in the same change.
 */
export function assertScopeFitsRole(role: Role, scope: readonly string[] | null, roleChanged = false): void {
  if (scope === null || role === 'viewer') return;
  const zh = roleChanged
    ? `单位范围仅适用于查看者：改为“${labelOf('zh', 'role', role)}”时请同时清除单位范围`
    : `单位范围仅适用于查看者，不能设置给“${labelOf('zh', 'role', role)}”`;
  const message = roleChanged
    ? `a user with a unit scope can become ${role} only when the same change clears the scope`
    : `only a viewer may have a unit scope, not ${role}`;
  throw new ValidationError({ zh: '单位范围仅适用于查看者', en: 'unit scopes are for viewers only' }, [
    { where: roleChanged ? 'role' : 'unitScope', message, zh },
  ]);
}

/** Clears the scope of a non-viewer (audited), returning the user as stored afterwards. */
export async function clearScopeOfNonViewer(store: Store, user: User): Promise<User> {
  if (user.role === 'viewer' || user.unitScope === null) return user;
  const after = await store.users.update(user.id, { unitScope: null });
  await store.audit.append({
    actor: SYSTEM_ACTOR,
    action: 'user.update',
    target: user.id,
    detail: { login: user.login, unitScope: { from: [...user.unitScope], to: null }, reason: REASON },
  });
  return after;
}

/** At start-up: clears every non-viewer's scope; returns the logins it changed. */
export async function clearScopesOfNonViewers(store: Store): Promise<string[]> {
  const changed: string[] = [];
  for (const user of await store.users.list()) {
    if (user.role === 'viewer' || user.unitScope === null) continue;
    await clearScopeOfNonViewer(store, user);
    changed.push(user.login);
  }
  return changed;
}
