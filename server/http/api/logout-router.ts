/**
 * DELETE /api/v1/session: logs out the browser session this request came with (revokes it, clears
 * the cookie; the use case audits "logout"); 204. Cookie callers send X-CSRF-Token like any unsafe call. A
 * request made with an API token is refused: revoke a token with DELETE /api/v1/tokens/{id}.
 */
import { Router } from 'express';
import { logOut } from '../../services/log-out.js';
import type { Services } from '../../services/services.js';
import { clearSessionCookie } from '../auth/cookies.js';
import { requirePrincipal } from '../auth/principal.js';

export function logoutRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.delete('/session', async (req, res) => {
    await logOut({ store }, requirePrincipal(res));
    clearSessionCookie(req, res);
    res.status(204).end();
  });
  return router;
}
