/**
 * Issuing and revoking API tokens with their audit events, the one way the API, the account page
 * and the CLI all use. The detail names the owner and the label, never the secret.
 */
import type { Session } from '../store/models/session.js';
import type { User } from '../store/models/user.js';
import type { Store } from '../store/store.js';
import { issueApiToken, type Issued } from './credentials.js';

export async function createApiToken(
  store: Store,
  actor: string,
  owner: User,
  label: string,
  days?: number,
): Promise<Issued> {
  const issued = await issueApiToken(store, owner, label, days);
  await store.audit.append({
    actor,
    action: 'token.create',
    target: issued.session.id,
    detail: { login: owner.login, label, expiresAt: issued.session.expiresAt },
  });
  return issued;
}

/** Revokes an active credential (an API token, or a browser session from the CLI) and audits it. */
export async function revokeCredential(store: Store, actor: string, credential: Session): Promise<void> {
  const owner = await store.users.get(credential.userId);
  await store.sessions.revoke(credential.id);
  await store.audit.append({
    actor,
    action: 'token.revoke',
    target: credential.id,
    detail: { login: owner?.login ?? null, kind: credential.kind, label: credential.label },
  });
}
