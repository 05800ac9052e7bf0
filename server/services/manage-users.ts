/**
 * The use cases "add a user" and "change a user", for the admin pages, the API, the account page
 * and the CLI. Adding, and changing anyone's role, unit scope or disabled flag, needs users.manage;
 * a user may change their own display name and password. The checks that keep one active admin,
 * the password rules and the audit events are server/access/user-admin.ts's.
 *
 * @example await addUser(services, actor, { login: 'li', displayName: '李', role: 'viewer', password: '…' })
 */
import type { ScryptCost } from '../access/passwords.js';
import { createUser, updateUser, type NewUserRequest, type UserChange } from '../access/user-admin.js';
import type { User } from '../domain/user.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

export async function addUser(
  context: { readonly store: Store },
  actor: Actor,
  request: NewUserRequest,
  cost?: ScryptCost,
): Promise<User> {
  assertMay(actor, 'users.manage');
  return createUser(context.store, actor.name, request, cost);
}

/** Whether a change is one a user may make to their own account: display name and password only. */
function ownProfileChange(actor: Actor, id: string, change: UserChange): boolean {
  return (
    actor.userId === id &&
    change.role === undefined &&
    change.unitScope === undefined &&
    change.disabled === undefined &&
    change.selfAssess === undefined
  );
}

export async function changeUser(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
  change: UserChange,
  cost?: ScryptCost,
): Promise<User> {
  if (!ownProfileChange(actor, id, change)) assertMay(actor, 'users.manage');
  return updateUser(context.store, actor.name, id, change, cost);
}

/** Every user, sorted by login (users.manage). */
export async function listUsers(context: { readonly store: Store }, actor: Actor): Promise<User[]> {
  assertMay(actor, 'users.manage');
  return context.store.users.list();
}

/** One user (users.manage); NotFoundError naming the id otherwise. */
export async function userById(context: { readonly store: Store }, actor: Actor, id: string): Promise<User> {
  assertMay(actor, 'users.manage');
  const user = await context.store.users.get(id);
  if (user === undefined) throw new NotFoundError({ zh: '没有这个用户。', en: `no user ${id}` });
  return user;
}
