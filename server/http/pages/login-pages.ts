/**
 * Logging in and out. GET /login shows the form (a logged-in user goes straight on); POST /login
 * passes the rate limiters, checks the password with checkLogin (which audits every attempt),
 * starts a new session, sets its cookie and sends the user to `next` — a local path only. A refused
 * login shows the form again with one message (401) that does not say which part was wrong; too many
 * attempts show the form locked (429, Retry-After). POST /logout revokes the session, clears the
 * cookie, audits "logout" and returns to the login page.
 */
import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { needsBootstrap } from '../../access/bootstrap.js';
import { startSession } from '../../access/credentials.js';
import { checkLogin } from '../../access/login.js';
import { TooManyRequestsError, UnauthenticatedError } from '../../errors.js';
import { loginPage } from '../../reports/views/login-page.js';
import { logOut } from '../../services/log-out.js';
import type { Services } from '../../services/services.js';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import { principalOf } from '../auth/principal.js';
import type { Views } from '../views.js';
import { formText } from './form-fields.js';
import { pageLang } from './page-lang.js';
import { text } from './page-query.js';
import { renderPage } from './render-page.js';
import { localNext } from './safe-next.js';

export function loginPages(services: Services, views: Views, limiters: readonly RequestHandler[]): Router {
  const { store } = services;
  const router = Router();

  router.get('/login', async (req, res) => {
    const lang = pageLang(req, res);
    const next = localNext(text(req.query, 'next', 2000));
    if (principalOf(res) !== undefined) {
      res.redirect(303, next);
      return;
    }
    const page = loginPage(lang, { next, needsSetup: await needsBootstrap(store) });
    renderPage(req, res, views, 'login', page);
  });

  router.post('/login', ...limiters, async (req, res) => {
    const lang = pageLang(req, res);
    const next = localNext(formText(req, 'next', 2000));
    const login = formText(req, 'login', 100).trim();
    let user;
    try {
      user = await checkLogin(store, login, formText(req, 'password', 1000), req.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      renderPage(req, res, views, 'login', loginPage(lang, { next, login, failed: true }), 401);
      return;
    }
    const { secret } = await startSession(store, user);
    setSessionCookie(req, res, secret);
    res.redirect(303, next);
  });

  const lockedOut: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (!(error instanceof TooManyRequestsError)) {
      next(error);
      return;
    }
    const lang = pageLang(req, res);
    res.setHeader('Retry-After', String(error.retryAfterSeconds));
    const login = formText(req, 'login', 100).trim();
    const retryMinutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    const page = loginPage(lang, { next: localNext(formText(req, 'next', 2000)), login, retryMinutes });
    renderPage(req, res, views, 'login', page, 429);
  };
  router.use('/login', lockedOut);

  router.post('/logout', async (req, res) => {
    const principal = principalOf(res);
    if (principal?.credential.kind === 'session') await logOut({ store }, principal);
    clearSessionCookie(req, res);
    res.redirect(303, '/login');
  });

  return router;
}
