/**
 * The use case "log out": ends a browser session and audits "logout" with the session's id, the
 * same for the page's POST /logout and the API's DELETE /api/v1/session. API tokens are not logged
 * out but revoked (api-tokens.ts), so a token's principal is refused.
 *
 * @example await logOut(services, principal)
 */
import type { Principal } from '../access/credentials.js';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/store.js';

export async function logOut(context: { readonly store: Store }, principal: Principal): Promise<void> {
  const { user, credential } = principal;
  if (credential.kind !== 'session') {
    throw new ValidationError(
      'this request used an API token, not a session: revoke the token with DELETE /api/v1/tokens/{id}',
    );
  }
  await context.store.sessions.revoke(credential.id);
  await context.store.audit.append({
    actor: user.login,
    action: 'logout',
    target: user.id,
    detail: { session: credential.id },
  });
}
