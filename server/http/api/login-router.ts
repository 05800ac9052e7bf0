/**
 * POST /api/v1/session: logs in with JSON { login, password }, sets the HttpOnly session cookie and
 * answers { user, csrfToken } (the token every unsafe cookie-authenticated call must send as
 * X-CSRF-Token). The one public route under /api/v1 that changes anything, so it guards itself:
 * JSON only (a cross-site HTML form cannot send it without a CORS preflight), no cross-site Origin,
 * and the login rate limits (per address and per login). A wrong login, a wrong password and a
 * disabled account give the same 401 (checkLogin), and every attempt is audited there.
 *
 * @example POST /api/v1/session {"login":"wang","password":"…"} → 200 Set-Cookie: zhili_session=…
 */
import { Router, type RequestHandler } from 'express';
import { startSession } from '../../access/credentials.js';
import { checkLogin } from '../../access/login.js';
import { publicUser } from '../../access/user-admin.js';
import { ForbiddenError, UnsupportedMediaTypeError } from '../../errors.js';
import type { Services } from '../../services/services.js';
import { setSessionCookie } from '../auth/cookies.js';
import { crossSite } from '../auth/csrf.js';
import { loginBody } from './request-schemas.js';

const asLogin = loginBody.parse;

const sameSiteJsonOnly: RequestHandler = (req, _res, next) => {
  if (req.is('application/json') !== 'application/json') {
    throw new UnsupportedMediaTypeError('send the login as JSON (Content-Type: application/json)');
  }
  if (crossSite(req)) throw new ForbiddenError('this request came from another site and was refused');
  next();
};

export function loginRouter(services: Services, limiters: readonly RequestHandler[]): Router {
  const { store } = services;
  const router = Router();
  router.post('/session', sameSiteJsonOnly, ...limiters, async (req, res) => {
    const body = asLogin(req.body, 'body');
    const user = await checkLogin(store, body.login, body.password, req.ip ?? 'unknown');
    const { secret, session } = await startSession(store, user);
    setSessionCookie(req, res, secret);
    res.set('Cache-Control', 'no-store');
    res.json({ user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  });
  return router;
}
