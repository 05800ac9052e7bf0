/**
 * /setup?token=…: the one-time creation of the first administrator, while the store has no users.
 * The token is the secret the server printed at start-up (bootstrap.ts keeps only its hash). The
 * form asks for login, display name and the password twice; completeBootstrap creates the admin,
 * audits "setup.admin" and retires the token, and the new admin is logged in at once. Once any user
 * exists the page says so (409) and points to the login page; a wrong or old token is refused (403).
 */
import { Router, type Request, type Response } from 'express';
import { bootstrapSecretIsValid, completeBootstrap, needsBootstrap } from '../../access/bootstrap.js';
import { startSession } from '../../access/credentials.js';
import { AppError, ConflictError, UnauthenticatedError } from '../../errors.js';
import { labelsFor } from '../../reports/i18n/labels.js';
import { formProblem, formProblems } from '../../reports/views/form-problems.js';
import { setupPage, type SetupInput } from '../../reports/views/setup-page.js';
import type { Services } from '../../services/services.js';
import { setSessionCookie } from '../auth/cookies.js';
import type { Views } from '../views.js';
import { formText } from './form-fields.js';
import { pageLang } from './page-lang.js';
import { text } from './page-query.js';
import { renderPage } from './render-page.js';

const STATUS = { form: 200, invalid: 403, 'has-users': 409 } as const;

export function setupPages(services: Services, views: Views): Router {
  const { store } = services;
  const router = Router();

  const show = (req: Request, res: Response, input: SetupInput, status: number = STATUS[input.state]) => {
    renderPage(req, res, views, 'setup', setupPage(pageLang(req, res), input), status);
  };

  /** Why the token cannot be used now, if it cannot. */
  const refusal = async (token: string): Promise<'invalid' | 'has-users' | null> => {
    if (!(await needsBootstrap(store))) return 'has-users';
    return token !== '' && (await bootstrapSecretIsValid(store, token)) ? null : 'invalid';
  };

  router.get('/setup', async (req, res) => {
    const token = text(req.query, 'token', 200) ?? '';
    show(req, res, { state: (await refusal(token)) ?? 'form', token });
  });

  router.post('/setup', async (req, res) => {
    const lang = pageLang(req, res);
    const t = labelsFor(lang);
    const token = formText(req, 'token', 200);
    const refused = await refusal(token);
    if (refused !== null) {
      show(req, res, { state: refused, token });
      return;
    }
    const login = formText(req, 'login', 100).trim();
    const displayName = formText(req, 'displayName', 200).trim();
    const password = formText(req, 'password', 1000);
    const typed = { state: 'form', token, login, displayName } as const;
    if (password !== formText(req, 'password2', 1000)) {
      show(req, res, { ...typed, problems: formProblem(t.passwordsDiffer, 'password2', lang) }, 400);
      return;
    }
    let admin;
    try {
      admin = await completeBootstrap(store, token, { login, displayName: displayName || login, password });
    } catch (error) {
      if (error instanceof ConflictError && !(await needsBootstrap(store))) {
        show(req, res, { state: 'has-users', token });
        return;
      }
      if (error instanceof UnauthenticatedError) {
        show(req, res, { state: 'invalid', token });
        return;
      }
      if (!(error instanceof AppError)) throw error;
      show(req, res, { ...typed, problems: formProblems(error, lang) }, error.status);
      return;
    }
    const { secret } = await startSession(store, admin);
    setSessionCookie(req, res, secret);
    res.redirect(303, '/admin/users');
  });

  return router;
}
