/**
 * /admin/users (users.manage): every user, the form to add one, and per user the forms to change
 * display name, role and visible units, to disable or enable the account and to reset its password.
 * All checks — the last active admin, unknown unit codes, acceptable passwords, valid logins — and
 * the audit entries come from user-admin.ts; a refusal is shown above the form with what was typed.
 * A change that succeeds redirects back to the user's page (POST → 303 → GET).
 */
import { Router, type Request, type Response } from 'express';
import type { UserChange } from '../../access/user-admin.js';
import { addUser, changeUser, listUsers, userById } from '../../services/manage-users.js';
import type { Actor } from '../../services/actor.js';
import { unitNamesOf } from '../../services/unit-names.js';
import type { Bilingual } from '../../domain/bilingual.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';
import type { Lang } from '../../reports/i18n/lang.js';
import { labelsFor } from '../../reports/i18n/labels.js';
import { userHref, userPage, usersPage, type UserDraft } from '../../reports/views/admin-users-page.js';
import { formProblem, formProblems, type FormProblem } from '../../reports/views/form-problems.js';
import { ROLES, type Role, type User } from '../../domain/user.js';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Views } from '../views.js';
import { codeList, formText } from './form-fields.js';
import { pageLang } from './page-lang.js';
import { oneOf, routeParam } from './page-query.js';
import { renderPage } from './render-page.js';

const DONE = ['created', 'saved', 'disabled', 'enabled', 'password'] as const;
type Done = (typeof DONE)[number];

function notice(done: Done | undefined, lang: Lang): string | null {
  const t = labelsFor(lang);
  const texts: Record<Done, string> = {
    created: t.userCreated,
    saved: t.savedNotice,
    disabled: t.userDisabledNotice,
    enabled: t.userEnabledNotice,
    password: t.passwordResetNotice,
  };
  return done === undefined ? null : texts[done];
}

function roleOf(raw: string): Role {
  const role = ROLES.find((r) => r === raw);
  if (role === undefined)
    throw new ValidationError('unknown role', [{ where: 'role', message: `use one of ${ROLES.join(', ')}` }]);
  return role;
}

/** What the profile form typed, kept for showing it again after a refusal. */
function typedDraft(req: Request): UserDraft {
  const role = formText(req, 'role', 20);
  return {
    login: formText(req, 'login', 100).trim(),
    displayName: formText(req, 'displayName', 200).trim(),
    role: ROLES.find((r) => r === role) ?? 'viewer',
    scope: formText(req, 'scope', 2000),
  };
}

function scopeFrom(text: string): readonly string[] | null {
  const codes = codeList(text);
  return codes.length === 0 ? null : codes;
}

function sameScope(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === null || b === null ? a === b : a.length === b.length && a.every((code, i) => code === b[i]);
}

export function userAdminPages(services: Services, views: Views): Router {
  const { store } = services;
  const router = Router();
  const manage = requirePermission('users.manage');
  /** The register's names of the units in the listed users' scopes. */
  const scopeNames = (users: readonly User[], actor: Actor): Promise<ReadonlyMap<string, Bilingual>> =>
    unitNamesOf(
      { store },
      actor,
      users.flatMap((user) => user.unitScope ?? []),
    );

  const userOr404 = (res: Response, id: string): Promise<User> => userById({ store }, requestActor(res), id);

  const showUser = (
    req: Request,
    res: Response,
    user: User,
    input: { notice?: string | null; problems?: readonly FormProblem[]; draft?: Omit<UserDraft, 'login'> },
    status = 200,
  ): void => {
    renderPage(req, res, views, 'admin-user', userPage(pageLang(req, res), user, input), status);
  };

  /** Applies a change to one user; a refusal is shown on their page, what was typed kept. */
  const change = async (
    req: Request,
    res: Response,
    build: (user: User) => UserChange | FormProblem[],
    done: Done,
    draft?: Omit<UserDraft, 'login'>,
  ): Promise<void> => {
    const user = await userOr404(res, routeParam(req.params, 'id'));
    const typed = draft === undefined ? {} : { draft };
    try {
      const wanted = build(user);
      if (Array.isArray(wanted)) {
        showUser(req, res, user, { problems: wanted, ...typed }, 400);
        return;
      }
      if (Object.keys(wanted).length > 0) await changeUser({ store }, requestActor(res), user.id, wanted);
    } catch (error) {
      if (!(error instanceof AppError) || error instanceof NotFoundError) throw error;
      showUser(req, res, user, { problems: formProblems(error, pageLang(req, res)), ...typed }, error.status);
      return;
    }
    res.redirect(303, `${userHref(user)}?done=${done}`);
  };

  router.get('/admin/users', manage, async (req, res) => {
    const lang = pageLang(req, res);
    const users = await listUsers({ store }, requestActor(res));
    const page = usersPage(lang, users, {
      notice: notice(oneOf(req.query, 'done', DONE), lang),
      unitNames: await scopeNames(users, requestActor(res)),
    });
    renderPage(req, res, views, 'admin-users', page);
  });

  router.post('/admin/users', manage, async (req, res) => {
    const draft = typedDraft(req);
    const password = formText(req, 'password', 1000);
    let user: User;
    try {
      user = await addUser({ store }, requestActor(res), {
        login: draft.login,
        displayName: draft.displayName || draft.login,
        role: roleOf(formText(req, 'role', 20)),
        unitScope: scopeFrom(draft.scope),
        ...(password === '' ? {} : { password }),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const lang = pageLang(req, res);
      const users = await listUsers({ store }, requestActor(res));
      const page = usersPage(lang, users, {
        problems: formProblems(error, lang),
        draft,
        unitNames: await scopeNames(users, requestActor(res)),
      });
      renderPage(req, res, views, 'admin-users', page, error.status);
      return;
    }
    res.redirect(303, `${userHref(user)}?done=created`);
  });

  router.get('/admin/users/:id', manage, async (req, res) => {
    const lang = pageLang(req, res);
    const user = await userOr404(res, routeParam(req.params, 'id'));
    showUser(req, res, user, { notice: notice(oneOf(req.query, 'done', DONE), lang) });
  });

  router.post('/admin/users/:id', manage, async (req, res) => {
    const { displayName, scope } = typedDraft(req);
    const role = formText(req, 'role', 20);
    const draft = { displayName, scope, role: ROLES.find((r) => r === role) ?? 'viewer' };
    await change(
      req,
      res,
      (user) => {
        const wanted: { -readonly [K in keyof UserChange]: UserChange[K] } = {};
        const unitScope = scopeFrom(scope);
        if (displayName !== user.displayName) wanted.displayName = displayName;
        if (role !== user.role) wanted.role = roleOf(role);
        if (!sameScope(unitScope, user.unitScope)) wanted.unitScope = unitScope;
        return wanted;
      },
      'saved',
      draft,
    );
  });

  router.post('/admin/users/:id/self-assess', manage, async (req, res) => {
    await change(req, res, () => ({ selfAssess: formText(req, 'selfAssess', 5) === 'on' }), 'saved');
  });

  router.post('/admin/users/:id/disable', manage, async (req, res) => {
    await change(req, res, () => ({ disabled: true }), 'disabled');
  });

  router.post('/admin/users/:id/enable', manage, async (req, res) => {
    await change(req, res, () => ({ disabled: false }), 'enabled');
  });

  router.post('/admin/users/:id/password', manage, async (req, res) => {
    const lang = pageLang(req, res);
    const t = labelsFor(lang);
    const password = formText(req, 'password', 1000);
    const again = formText(req, 'password2', 1000);
    await change(
      req,
      res,
      () => (password === again ? { password } : formProblem(t.passwordsDiffer, 'password2', lang)),
      'password',
    );
  });

  return router;
}
