/**
 * /account: the logged-in user's own profile, password and API tokens. Changing the password needs
 * the current one; updateUser (user-admin.ts) then ends every session of the user, so this browser
 * gets a new session at once. A new API token is shown once, in the answer to the form that made it
 * (never stored, never in a URL); revoking one works only on the user's own tokens. Token changes
 * are audited here (token.create, token.revoke), user changes by updateUser.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { createApiToken, revokeToken, tokensOf } from '../../services/api-tokens.js';
import { changeUser } from '../../services/manage-users.js';
import { startSession, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../access/credentials.js';
import { verifyPassword } from '../../access/passwords.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';
import type { Lang } from '../../reports/i18n/lang.js';
import { labelsFor } from '../../reports/i18n/labels.js';
import { accountPage, type AccountInput } from '../../reports/views/account-page.js';
import { formProblem, formProblems, type FormProblem } from '../../reports/views/form-problems.js';
import type { Services } from '../../services/services.js';
import { setSessionCookie } from '../auth/cookies.js';
import { ownPasswordCheck } from '../auth/login-limiter.js';
import { requirePrincipal } from '../auth/principal.js';
import { requestActor } from '../request-actor.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Views } from '../views.js';
import { formText } from './form-fields.js';
import { pageLang } from './page-lang.js';
import { oneOf, routeParam } from './page-query.js';
import { renderPage } from './render-page.js';

const DONE = ['saved', 'password', 'revoked'] as const;

function notice(done: (typeof DONE)[number] | undefined, lang: Lang): string | null {
  const t = labelsFor(lang);
  if (done === 'saved') return t.savedNotice;
  if (done === 'password') return t.passwordChanged;
  if (done === 'revoked') return t.tokenRevoked;
  return null;
}

/** Whole days from 1 to TOKEN_MAX_DAYS (the default when left empty). */
function tokenDays(raw: string): number {
  if (raw.trim() === '') return TOKEN_DEFAULT_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) {
    throw new ValidationError(`a token lives for 1 to ${TOKEN_MAX_DAYS} days`, [
      { where: 'days', message: `found ${JSON.stringify(raw.slice(0, 20))}` },
    ]);
  }
  return days;
}

export function accountPages(services: Services, views: Views, limiters: readonly RequestHandler[]): Router {
  const { store } = services;
  const router = Router();
  // Every role may manage its own account; reports.read is the permission all roles hold.
  const loggedIn = requirePermission('reports.read');

  const show = async (
    req: Request,
    res: Response,
    extra: Partial<Pick<AccountInput, 'notice' | 'problems' | 'newToken'>>,
    status = 200,
  ): Promise<void> => {
    const { user } = requirePrincipal(res);
    const tokens = await tokensOf({ store }, requestActor(res), user.id);
    const page = accountPage(pageLang(req, res), { user, tokens, tokenDays: TOKEN_DEFAULT_DAYS, ...extra });
    renderPage(req, res, views, 'account', page, status);
  };

  /** Runs a change; a refusal is shown on the account page with its status. */
  const attempt = async (req: Request, res: Response, change: () => Promise<string>): Promise<void> => {
    let done: string;
    try {
      done = await change();
    } catch (error) {
      if (!(error instanceof AppError) || error instanceof NotFoundError) throw error;
      await show(req, res, { problems: formProblems(error, pageLang(req, res)) }, error.status);
      return;
    }
    res.redirect(303, `/account?done=${done}`);
  };

  const refuse = async (req: Request, res: Response, problems: FormProblem[]): Promise<void> => {
    await show(req, res, { problems }, 400);
  };

  router.get('/account', loggedIn, async (req, res) => {
    await show(req, res, { notice: notice(oneOf(req.query, 'done', DONE), pageLang(req, res)) });
  });

  router.post('/account/profile', loggedIn, async (req, res) => {
    const displayName = formText(req, 'displayName', 200).trim();
    await attempt(req, res, async () => {
      await changeUser({ store }, requestActor(res), requirePrincipal(res).user.id, { displayName });
      return 'saved';
    });
  });

  router.post('/account/password', loggedIn, ownPasswordCheck, ...limiters, async (req, res) => {
    const lang = pageLang(req, res);
    const t = labelsFor(lang);
    const { user } = requirePrincipal(res);
    const password = formText(req, 'password', 1000);
    if (!(await verifyPassword(formText(req, 'current', 1000), user.passwordHash))) {
      await refuse(req, res, formProblem(t.currentPasswordWrong, 'current', lang));
      return;
    }
    if (password !== formText(req, 'password2', 1000)) {
      await refuse(req, res, formProblem(t.passwordsDiffer, 'password2', lang));
      return;
    }
    await attempt(req, res, async () => {
      const updated = await changeUser({ store }, requestActor(res), user.id, { password });
      // updateUser ended every session of the user, this one included: carry on in a new one.
      const { secret } = await startSession(store, updated);
      setSessionCookie(req, res, secret);
      return 'password';
    });
  });

  router.post('/account/tokens', loggedIn, async (req, res) => {
    const { user } = requirePrincipal(res);
    const label = formText(req, 'label', 200).trim();
    let days: number;
    try {
      if (label === '') {
        throw new ValidationError('give the token a label saying what it is for', [
          { where: 'label', message: 'empty' },
        ]);
      }
      days = tokenDays(formText(req, 'days', 10));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await show(req, res, { problems: formProblems(error, pageLang(req, res)) }, 400);
      return;
    }
    const issued = await createApiToken({ store }, requestActor(res), user, label, days);
    // The secret is in this answer only: no cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    await show(req, res, { newToken: { label, secret: issued.secret } }, 201);
  });

  router.post('/account/tokens/:id/revoke', loggedIn, async (req, res) => {
    const { user } = requirePrincipal(res);
    await revokeToken({ store }, requestActor(res), routeParam(req.params, 'id'), user.id);
    res.redirect(303, '/account?done=revoked');
  });

  return router;
}
