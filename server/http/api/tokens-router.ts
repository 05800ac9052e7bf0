/**
 * API tokens for scripts. GET /api/v1/tokens lists the caller's active tokens (admins, with
 * users.manage, may ask for another user's with ?user=ID); POST { label, days? } issues one and
 * answers its secret this once (only its hash is kept); DELETE /tokens/:id revokes one of the
 * caller's tokens, or anyone's for users.manage. Someone else's token answers 404, like a token
 * that does not exist. Issuing and revoking are audited.
 *
 * @example POST /api/v1/tokens {"label":"nightly import","days":30} → 201 { token, secret: 'zl_…' }
 */
import { Router, type Response } from 'express';
import { createApiToken, revokeCredential } from '../../services/api-tokens.js';
import { actorOfPrincipal } from '../../services/actor.js';
import { TOKEN_MAX_DAYS } from '../../access/credentials.js';
import { can } from '../../access/permissions.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Session } from '../../store/models/session.js';
import type { Store } from '../../store/store.js';
import { compileValidator } from '../../validation/compile.js';
import { requirePrincipal } from '../auth/principal.js';
import { textParam } from './paging.js';

const asNewToken = compileValidator<{ label: string; days?: number }>('token request', {
  type: 'object',
  additionalProperties: false,
  required: ['label'],
  properties: {
    label: { type: 'string', minLength: 1, maxLength: 200 },
    days: { type: 'integer', minimum: 1, maximum: TOKEN_MAX_DAYS },
  },
});

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

/** Whose tokens this caller asks about: their own, or (users.manage only) another user's. */
function tokenOwnerOf(res: Response, asked: string | undefined): string {
  const { user } = requirePrincipal(res);
  if (asked === undefined || asked === user.id) return user.id;
  if (!can(user.role, 'users.manage')) throw new ForbiddenError("only admins may see other users' tokens");
  return asked;
}

export function tokensRouter(store: Store): Router {
  const router = Router();
  router.get('/tokens', async (req, res) => {
    const userId = tokenOwnerOf(res, textParam(req.query, 'user'));
    const tokens = await store.sessions.list({ userId, kind: 'token' });
    res.json({ items: tokens.map(publicToken) });
  });
  router.post('/tokens', async (req, res) => {
    const body = asNewToken(req.body, 'body');
    const principal = requirePrincipal(res);
    const { secret, session } = await createApiToken(
      { store },
      actorOfPrincipal(principal),
      principal.user,
      body.label,
      body.days,
    );
    res.set('Cache-Control', 'no-store');
    res.status(201).json({ token: publicToken(session), secret });
  });
  router.delete('/tokens/:id', async (req, res) => {
    const { user } = requirePrincipal(res);
    const mayRevokeAny = can(user.role, 'users.manage');
    const tokens = await store.sessions.list({ kind: 'token', ...(mayRevokeAny ? {} : { userId: user.id }) });
    const token = tokens.find((t) => t.id === req.params.id);
    if (token === undefined) throw new NotFoundError(`no active token ${req.params.id}`);
    await revokeCredential({ store }, actorOfPrincipal(requirePrincipal(res)), token);
    res.status(204).end();
  });
  return router;
}
