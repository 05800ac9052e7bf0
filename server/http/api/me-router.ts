/**
 * GET /api/v1/me: who is calling: the user (never the password hash), the permissions of their
 * role, the credential in use and, for a browser session, the CSRF token its unsafe calls must
 * send (a page script can read it here; other sites cannot, as they cannot read our answers).
 */
import { Router } from 'express';
import { permissionsOf } from '../../access/permissions.js';
import { publicUser } from '../../access/user-admin.js';
import { requirePrincipal } from '../auth/principal.js';

export function meRouter(): Router {
  const router = Router();
  router.get('/me', (_req, res) => {
    const { user, credential } = requirePrincipal(res);
    res.set('Cache-Control', 'no-store');
    res.json({
      user: publicUser(user),
      permissions: permissionsOf(user.role),
      credential: { id: credential.id, kind: credential.kind, expiresAt: credential.expiresAt },
      csrfToken: credential.kind === 'session' ? credential.csrfToken : null,
    });
  });
  return router;
}
