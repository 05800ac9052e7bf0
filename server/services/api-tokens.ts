/**
 * The use cases "issue an API token" and "revoke a credential", the one way the API, the account
 * page and the CLI all use: a user manages their own tokens, and only users.manage (admins) those
 * of others. Both are audited; the detail names the owner and the label, never the secret.
 *
 * @example const { secret } = await createApiToken(services, actor, owner, 'nightly import', 90)
 */
import { issueApiToken, type Issued } from '../access/credentials.js';
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
