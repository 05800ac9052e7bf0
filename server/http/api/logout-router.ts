/**
 * DELETE /api/v1/session: logs out the browser session this request came with (revokes it, clears
 * the cookie, audits "logout"); 204. Cookie callers send X-CSRF-Token like any unsafe call. A
 * request made with an API token is refused: revoke a token with DELETE /api/v1/tokens/{id}.
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { clearSessionCookie } from '../auth/cookies.js';
import { requirePrincipal } from '../auth/principal.js';

export function logoutRouter(store: Store): Router {
  const router = Router();
  router.delete('/session', async (req, res) => {
    const { user, credential } = requirePrincipal(res);
    if (credential.kind !== 'session') {
      throw new ValidationError(
        'this request used an API token, not a session: revoke the token with DELETE /api/v1/tokens/{id}',
      );
    }
    await store.sessions.revoke(credential.id);
    clearSessionCookie(req, res);
    await store.audit.append({
      actor: user.login,
      action: 'logout',
      target: user.id,
      detail: { session: credential.id },
    });
    res.status(204).end();
  });
  return router;
}
