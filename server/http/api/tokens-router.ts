/**
 * API tokens for scripts. GET /api/v1/tokens lists the caller's active tokens (admins, with
 * users.manage, may ask for another user's with ?user=ID); POST { label, days? } issues one and
 * answers its secret this once (only its hash is kept); DELETE /tokens/:id revokes one of the
 * caller's tokens, or anyone's for users.manage. Someone else's token answers 404, like a token
 * that does not exist. Issuing and revoking are audited.
 *
 * @example POST /api/v1/tokens {"label":"nightly import","days":30} → 201 { token, secret: 'zl_…' }
 */
import { Router } from 'express';
import { createApiToken, revokeToken, tokensOf } from '../../services/api-tokens.js';
import type { Session } from '../../domain/session.js';
import type { Services } from '../../services/services.js';
import { requirePrincipal } from '../auth/principal.js';
import { requestActor } from '../request-actor.js';
import { textParam } from './paging.js';
import { newTokenBody } from './request-schemas.js';

const asNewToken = newTokenBody.parse;

/** A token as the API shows it: never the hash. */
function publicToken(token: Session): Record<string, string | null> {
  return {
    id: token.id,
    userId: token.userId,
    label: token.label,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
  };
}

export function tokensRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.get('/tokens', async (req, res) => {
    const actor = requestActor(res);
    const tokens = await tokensOf({ store }, actor, textParam(req.query, 'user') ?? actor.userId ?? '');
    res.json({ items: tokens.map(publicToken) });
  });
  router.post('/tokens', async (req, res) => {
    const body = asNewToken(req.body, 'body');
    const { secret, session } = await createApiToken(
      { store },
      requestActor(res),
      requirePrincipal(res).user,
      body.label,
      body.days,
    );
    res.set('Cache-Control', 'no-store');
    res.status(201).json({ token: publicToken(session), secret });
  });
  router.delete('/tokens/:id', async (req, res) => {
    await revokeToken({ store }, requestActor(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
