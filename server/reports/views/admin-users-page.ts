/**
 * The view models of /admin/users (every user with role, visible units, status and last change, and
 * the form to add one) and /admin/users/:id (change display name, role and visible units; disable or
 * enable; reset the password). Refusals from user-admin.ts (the last active admin, an unknown unit,
 * a weak password …) come back as problems shown above the forms, with what was typed kept.
 */
import type { Bilingual } from '../../domain/bilingual.js';
import { ROLES, type Role, type User } from '../../domain/user.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { scopeText } from './account-page.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import type { FormProblem } from './form-problems.js';
import type { Option } from './level-options.js';
import { withFields } from './with-fields.js';

export interface UserRow {
  readonly login: string;
  readonly displayName: string;
  readonly href: string;
  readonly roleLabel: string;
  readonly scope: string;
  readonly state: string;
  readonly disabled: boolean;
  readonly updated: string;
}

/** What the add form holds (empty, or what was typed before a refusal). */
export interface UserDraft {
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: string;
}

export interface UsersPage extends Chrome {
  readonly heading: string;
  readonly users: readonly UserRow[];
  readonly notice: string | null;
  readonly problems: readonly FormProblem[];
  readonly draft: UserDraft;
  readonly roles: readonly Option[];
}

export interface UserPage extends Chrome {
  readonly heading: string;
  readonly action: string;
  readonly login: string;
  readonly displayName: string;
  readonly roles: readonly Option[];
  readonly scope: string;
  readonly state: string;
  readonly disabled: boolean;
  readonly updated: string;
  readonly notice: string | null;
  readonly problems: readonly FormProblem[];
  /** The self-assess grant (server/access/self-assess-right.ts), offered to viewers only. */
  readonly selfAssess: { readonly offered: boolean; readonly on: boolean };
}

export const EMPTY_DRAFT: UserDraft = { login: '', displayName: '', role: 'viewer', scope: '' };

export function userHref(user: Pick<User, 'id'>): string {
  return `/admin/users/${encodeURIComponent(user.id)}`;
}

export function roleOptions(selected: Role, lang: Lang): Option[] {
  return ROLES.map((role) => ({
    value: role,
    label: labelOf(lang, 'role', role),
    selected: role === selected,
  }));
}

export function usersPage(
  lang: Lang,
  users: readonly User[],
  input: {
    readonly notice?: string | null;
    readonly problems?: readonly FormProblem[];
    readonly draft?: UserDraft;
    /** Names of the units in the users' scopes, by code (the register's names; codes alone without). */
    readonly unitNames?: ReadonlyMap<string, Bilingual>;
  } = {},
): UsersPage {
  const t = labelsFor(lang);
  const draft = input.draft ?? EMPTY_DRAFT;
  return withFields(
    pageChrome(lang, { path: '/admin/users', query: {}, title: t.usersTitle, section: 'users' }),
    {
      heading: t.usersTitle,
      users: users.map((user) => ({
        login: user.login,
        displayName: user.displayName,
        href: userHref(user),
        roleLabel: labelOf(lang, 'role', user.role),
        scope: scopeText(user.unitScope, lang, input.unitNames),
        state: labelOf(lang, 'state', user.disabled ? 'disabled' : 'active'),
        disabled: user.disabled,
        updated: when(user.updatedAt, lang),
      })),
      notice: input.notice ?? null,
      problems: input.problems ?? [],
      draft,
      roles: roleOptions(draft.role, lang),
    },
  );
}

export function userPage(
  lang: Lang,
  user: User,
  input: {
    readonly notice?: string | null;
    readonly problems?: readonly FormProblem[];
    readonly draft?: Omit<UserDraft, 'login'>;
  } = {},
): UserPage {
  const t = labelsFor(lang);
  const heading = fill(t.userTitle, { login: user.login });
  const draft = input.draft ?? {
    displayName: user.displayName,
    role: user.role,
    scope: user.unitScope === null ? '' : user.unitScope.join(', '),
  };
  return withFields(pageChrome(lang, { path: userHref(user), query: {}, title: heading, section: 'users' }), {
    heading,
    action: userHref(user),
    login: user.login,
    displayName: draft.displayName,
    roles: roleOptions(draft.role, lang),
    scope: draft.scope,
    state: labelOf(lang, 'state', user.disabled ? 'disabled' : 'active'),
    disabled: user.disabled,
    updated: when(user.updatedAt, lang),
    notice: input.notice ?? null,
    problems: input.problems ?? [],
    selfAssess: { offered: user.role === 'viewer', on: user.selfAssess === true },
  });
}
