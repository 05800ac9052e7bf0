/**
 * Managing users, the same way for the admin pages, the API and the CLI: every change is checked,
 * audited (never with a secret in the detail) and keeps at least one active admin. Disabling a
 * user, or an admin setting their password, revokes their sessions and API tokens; a user changing
 * their own password ends their sessions and keeps their tokens.
 *
 * @example await createUser(store, 'admin', { login: 'li', displayName: '李', role: 'viewer', password: '…' })
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { ROLES, type Role, type User } from '../store/models/user.js';
import type { JsonValue, Store } from '../store/store.js';
import { assertAcceptablePassword, hashPassword, type ScryptCost } from './passwords.js';
import { assertScopeFitsRole } from './viewer-only-scopes.js';
import { assertSelfAssessFits } from './self-assess-right.js';

export interface NewUserRequest {
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitScope?: readonly string[] | null;
  /** Without one the user cannot log in until a password is set. */
  readonly password?: string;
  /** The right to self-assess (server/access/self-assess-right.ts). */
  readonly selfAssess?: boolean;
}

export interface UserChange {
  readonly displayName?: string;
  readonly role?: Role;
  readonly unitScope?: readonly string[] | null;
  readonly disabled?: boolean;
  readonly password?: string;
  readonly selfAssess?: boolean;
}

/** The user as pages, the API and backups show it: never the password hash. */
export type PublicUser = Omit<User, 'passwordHash'> & { readonly hasPassword: boolean };

export function publicUser(user: User): PublicUser {
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

async function assertScopeUnitsExist(
  store: Store,
  scope: readonly string[] | null | undefined,
): Promise<void> {
  if (scope === undefined || scope === null) return;
  const known = new Set((await store.units.list({ codes: scope })).map((u) => u.code));
  const unknown = scope.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new ValidationError(
      { zh: '单位范围中有不存在的单位', en: 'the unit scope names units that do not exist' },
      [
        {
          where: 'unitScope',
          message: `unknown unit codes: ${unknown.join(', ')}`,
          zh: `单位名册中没有这些代码：${unknown.join('、')}`,
        },
      ],
    );
  }
}

/** The one unit a self-assessing viewer is scoped to must be a community of the register. */
async function assertSelfAssessUnit(
  store: Store,
  role: Role,
  scope: readonly string[] | null,
): Promise<void> {
  assertSelfAssessFits(role, scope);
  const unit = scope?.[0] === undefined ? undefined : await store.units.get(scope[0]);
  if (unit?.level === 'community') return;
  throw new ValidationError({ zh: '自评权限不适用于此用户', en: 'self-assessment does not fit this user' }, [
    {
      where: 'selfAssess',
      message: `the unit scope ${scope?.[0] ?? ''} is not a community or village`,
      zh: `单位范围 ${scope?.[0] ?? ''} 不是社区或村`,
    },
  ]);
}

async function activeAdmins(store: Store): Promise<User[]> {
  return (await store.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
}

export async function createUser(
  store: Store,
  actor: string,
  request: NewUserRequest,
  cost?: ScryptCost,
): Promise<User> {
  if (!ROLES.includes(request.role)) {
    throw new ValidationError({ zh: '未知的角色', en: 'unknown role' }, [
      { where: 'role', message: `use one of ${ROLES.join(', ')}`, zh: `请使用以下之一：${ROLES.join('、')}` },
    ]);
  }
  assertScopeFitsRole(request.role, request.unitScope ?? null);
  if (request.password !== undefined) assertAcceptablePassword(request.password, request.login);
  await assertScopeUnitsExist(store, request.unitScope);
  if (request.selfAssess === true) await assertSelfAssessUnit(store, request.role, request.unitScope ?? null);
  const user = await store.users.create({
    ...(request.selfAssess === true ? { selfAssess: true } : {}),
    login: request.login,
    displayName: request.displayName,
    role: request.role,
    unitScope: request.unitScope ?? null,
    passwordHash: request.password === undefined ? null : await hashPassword(request.password, cost),
  });
  await store.audit.append({
    actor,
    action: 'user.create',
    target: user.id,
    detail: {
      login: user.login,
      role: user.role,
      unitScope: user.unitScope === null ? null : [...user.unitScope],
      ...(user.selfAssess === true ? { selfAssess: true } : {}),
    },
  });
  return user;
}

function describeChange(before: User, change: UserChange): Record<string, JsonValue> {
  const detail: Record<string, JsonValue> = { login: before.login };
  if (change.role !== undefined && change.role !== before.role)
    detail.role = { from: before.role, to: change.role };
  if (change.unitScope !== undefined) {
    detail.unitScope = {
      from: before.unitScope === null ? null : [...before.unitScope],
      to: change.unitScope === null ? null : [...change.unitScope],
    };
  }
  if (change.selfAssess !== undefined && change.selfAssess !== (before.selfAssess === true))
    detail.selfAssess = { from: before.selfAssess === true, to: change.selfAssess };
  if (change.displayName !== undefined) detail.displayName = change.displayName;
  if (change.password !== undefined) detail.password = 'reset';
  return detail;
}

/**
 * A password set by someone else (an admin, through a page, the API or the CLI) may mean the account
 * was taken over: every browser session and every API token of the user ends, and each token's end
 * is audited as token.revoke with reason password_reset. One's own password change keeps the tokens.
 */
async function endCredentialsAfterReset(store: Store, actor: string, user: User): Promise<void> {
  const tokens = await store.sessions.list({ userId: user.id, kind: 'token' });
  await store.sessions.revokeAll(user.id);
  for (const token of tokens) {
    await store.audit.append({
      actor,
      action: 'token.revoke',
      target: token.id,
      detail: { login: user.login, kind: token.kind, label: token.label, reason: 'password_reset' },
    });
  }
}

export async function updateUser(
  store: Store,
  actor: string,
  id: string,
  change: UserChange,
  cost?: ScryptCost,
): Promise<User> {
  const before = await store.users.get(id);
  if (before === undefined) throw new NotFoundError({ zh: '没有这个用户。', en: `no user ${id}` });
  if (change.role !== undefined || change.unitScope !== undefined) {
    const role = change.role ?? before.role;
    assertScopeFitsRole(
      role,
      change.unitScope === undefined ? before.unitScope : change.unitScope,
      role !== before.role,
    );
  }
  if (change.password !== undefined) assertAcceptablePassword(change.password, before.login);
  await assertScopeUnitsExist(store, change.unitScope);
  const losesAdmin =
    before.role === 'admin' &&
    !before.disabled &&
    ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin && (await activeAdmins(store)).length <= 1) {
    throw new ConflictError({
      zh: '这是最后一位启用的管理员：请先指定另一位管理员。',
      en: 'this is the last active admin: make another admin first',
    });
  }
  const patch: Record<string, unknown> = {};
  if (change.displayName !== undefined) patch.displayName = change.displayName;
  if (change.role !== undefined) patch.role = change.role;
  if (change.unitScope !== undefined) patch.unitScope = change.unitScope;
  if (change.disabled !== undefined) patch.disabled = change.disabled;
  if (change.password !== undefined) patch.passwordHash = await hashPassword(change.password, cost);
  const selfAssess = await selfAssessAfter(store, before, change);
  if (selfAssess !== undefined) patch.selfAssess = selfAssess;
  const after = await store.users.update(id, patch);
  if (change.disabled === true) await store.sessions.revokeAll(id);
  else if (change.password !== undefined && actor !== before.login)
    await endCredentialsAfterReset(store, actor, after);
  else if (change.password !== undefined) await store.sessions.revokeAll(id, 'session');
  const action =
    change.disabled === true && !before.disabled
      ? 'user.disable'
      : change.disabled === false && before.disabled
        ? 'user.enable'
        : 'user.update';
  await store.audit.append({
    actor,
    action,
    target: id,
    detail: describeChange(before, selfAssess === undefined ? change : { ...change, selfAssess }),
  });
  return after;
}

/**
 * The self-assess grant after a change: refused when the change asks for it on a user it does not
 * fit; cleared (false) when a change of role or scope makes a holder no longer fit; else as asked.
 */
async function selfAssessAfter(store: Store, before: User, change: UserChange): Promise<boolean | undefined> {
  const role = change.role ?? before.role;
  const scope = change.unitScope === undefined ? before.unitScope : change.unitScope;
  if (change.selfAssess === true) {
    await assertSelfAssessUnit(store, role, scope);
    return true;
  }
  if (change.selfAssess === false) return false;
  if (before.selfAssess !== true) return undefined;
  const fits = role === 'viewer' && scope !== null && scope.length === 1;
  const unit = fits && scope[0] !== undefined ? await store.units.get(scope[0]) : undefined;
  return unit?.level === 'community' ? undefined : false;
}

/** The user with this login, or NotFoundError naming it (for the CLI and admin forms). */
export async function userByLogin(store: Store, login: string): Promise<User> {
  const user = await store.users.findByLogin(login);
  if (user === undefined)
    throw new NotFoundError({ zh: `没有登录名为 ${login} 的用户。`, en: `no user with the login ${login}` });
  return user;
}
