/**
 * POST /api/v1/users/:id/tokens { label, days? } (users.manage): an admin issues an API token for
 * another user, as `zhili users token LOGIN` does on the console (and does through this route
 * while the server holds the store). The secret is answered this once; only its hash is kept, and
 * the issue is audited (token.create) under the admin's name. A disabled user gets no token.
 *
 * @example POST /api/v1/users/usr_…/tokens {"label":"nightly import","days":30} → 201 { token, secret: 'zl_…' }
 */
import { Router } from 'express';
import { createApiToken } from '../../services/api-tokens.js';
import { userById } from '../../services/manage-users.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { userTokenBody } from './request-schemas.js';

const asNewToken = userTokenBody.parse;

export function userTokensRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.route('/users/:id/tokens').post(requirePermission('users.manage'), async (req, res) => {
    const body = asNewToken(req.body, 'body');
    const actor = requestActor(res);
    const owner = await userById({ store }, actor, req.params.id);
    const { secret, session } = await createApiToken({ store }, actor, owner, body.label, body.days);
    res.set('Cache-Control', 'no-store');
    res.status(201).json({
      token: {
        id: session.id,
        userId: session.userId,
        label: session.label,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
      },
      secret,
    });
  });
  return router;
}
