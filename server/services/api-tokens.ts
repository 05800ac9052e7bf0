/**
 * The use cases "issue an API token" and "revoke a credential", the one way the API, the account
 * page and the CLI all use: a user manages their own tokens, and only users.manage (admins) those
 * of others. Both are audited; the detail names the owner and the label, never the secret.
 *
 * @example const { secret } = await createApiToken(services, actor, owner, 'nightly import', 90)
 */
import { issueApiToken, type Issued } from '../access/credentials.js';
import { can } from '../access/permissions.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Session } from '../domain/session.js';
import type { User } from '../domain/user.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

function assertMayManageCredentialsOf(actor: Actor, userId: string): void {
  if (actor.userId !== userId) assertMay(actor, 'users.manage');
}

export async function createApiToken(
  context: { readonly store: Store },
  actor: Actor,
  owner: User,
  label: string,
  days?: number,
): Promise<Issued> {
  assertMayManageCredentialsOf(actor, owner.id);
  if (owner.disabled)
    throw new ConflictError(`${owner.login} is disabled: enable them before issuing a token`);
  const { store } = context;
  const issued = await issueApiToken(store, owner, label, days);
  await store.audit.append({
    actor: actor.name,
    action: 'token.create',
    target: issued.session.id,
    detail: { login: owner.login, label, expiresAt: issued.session.expiresAt },
  });
  return issued;
}

/** Revokes an active credential (an API token, or a browser session from the CLI) and audits it. */
export async function revokeCredential(
  context: { readonly store: Store },
  actor: Actor,
  credential: Session,
): Promise<void> {
  assertMayManageCredentialsOf(actor, credential.userId);
  const { store } = context;
  const owner = await store.users.get(credential.userId);
  await store.sessions.revoke(credential.id);
  await store.audit.append({
    actor: actor.name,
    action: 'token.revoke',
    target: credential.id,
    detail: { login: owner?.login ?? null, kind: credential.kind, label: credential.label },
  });
}

/** A user's active API tokens, newest first: one's own, or anyone's with users.manage. */
export async function tokensOf(
  context: { readonly store: Store },
  actor: Actor,
  userId: string,
): Promise<Session[]> {
  if (actor.userId !== userId) assertMay(actor, 'users.manage', "only admins may see other users' tokens");
  return context.store.sessions.list({ userId, kind: 'token' });
}

/**
 * Revokes an active API token by id: one of the actor's own, or (users.manage) anyone's; `of`
 * limits it to one user's tokens. Any other id is the NotFoundError of a token that does not exist.
 */
export async function revokeToken(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
  of?: string,
): Promise<void> {
  // Whose tokens to look among: the one asked for, else everyone's for an admin, else the actor's.
  const owner = of ?? (can(actor.role, 'users.manage') ? undefined : actor.userId);
  const tokens =
    owner === null
      ? []
      : await context.store.sessions.list({
          kind: 'token',
          ...(owner === undefined ? {} : { userId: owner }),
        });
  const token = tokens.find((t) => t.id === id);
  if (token === undefined) throw new NotFoundError(`no active API token ${id}`);
  await revokeCredential(context, actor, token);
}

/**
 * Revokes any active credential by id, an API token or a browser session (users.manage: the CLI's
 * `users revoke`); NotFoundError for an id that names none. Answers what it revoked and whose.
 */
export async function revokeAnyCredential(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<{ credential: Session; owner: User | undefined }> {
  assertMay(actor, 'users.manage');
  const credential = (await context.store.sessions.list()).find((active) => active.id === id);
  if (credential === undefined) throw new NotFoundError(`no active token or session ${id}`);
  const owner = await context.store.users.get(credential.userId);
  await revokeCredential(context, actor, credential);
  return { credential, owner };
}
