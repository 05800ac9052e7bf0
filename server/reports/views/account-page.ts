/**
 * The view model of /account, the logged-in user's own page: their profile (login, display name,
 * role, visible units, what the role allows), a form to change the display name, a form to change
 * the password (the current one first), and their API tokens (label, dates; revoke) with a form to
 * create one. A token just created is shown once, on the answer to the form that made it.
 */
import { permissionsOf } from '../../access/permissions.js';
import { maySelfAssess } from '../../access/self-assess-right.js';
import type { Bilingual } from '../../domain/bilingual.js';
import type { Session } from '../../domain/session.js';
import type { User } from '../../domain/user.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import type { FormProblem } from './form-problems.js';
import { withFields } from './with-fields.js';

export interface TokenRow {
  readonly label: string;
  readonly created: string;
  readonly lastUsed: string;
  readonly expires: string;
  readonly revokeAction: string;
}

export interface AccountPage extends Chrome {
  readonly heading: string;
  readonly login: string;
  readonly displayName: string;
  readonly roleLabel: string;
  readonly scope: string;
  readonly permissions: readonly string[];
  /** Where a viewer granted self.assess runs and reads their self-evaluations; null for others. */
  readonly selfHref: string | null;
  readonly notice: string | null;
  readonly problems: readonly FormProblem[];
  readonly tokens: readonly TokenRow[];
  readonly noTokens: boolean;
  readonly newToken: { readonly intro: string; readonly secret: string } | null;
  readonly tokenDays: number;
}

export interface AccountInput {
  readonly user: Pick<User, 'login' | 'displayName' | 'role' | 'unitScope'>;
  readonly tokens: readonly Session[];
  readonly notice?: string | null;
  readonly problems?: readonly FormProblem[];
  readonly newToken?: { readonly label: string; readonly secret: string } | null;
  readonly tokenDays: number;
}

/** A unit scope as the pages show it: the codes, or "all units". */
/** "all units", or each scope unit as 名称（CODE） when its name is known, else the code alone. */
export function scopeText(
  scope: readonly string[] | null,
  lang: Lang,
  names: ReadonlyMap<string, Bilingual> = new Map(),
): string {
  if (scope === null) return labelsFor(lang).scopeAll;
  return scope
    .map((code) => {
      const name = names.get(code);
      if (name === undefined) return code;
      return lang === 'zh' ? `${pick(name, lang)}（${code}）` : `${pick(name, lang)} (${code})`;
    })
    .join(labelsFor(lang).listSeparator);
}

export function accountPage(lang: Lang, input: AccountInput): AccountPage {
  const t = labelsFor(lang);
  const { user } = input;
  return withFields(
    pageChrome(lang, { path: '/account', query: {}, title: t.accountTitle, section: 'account' }),
    {
      heading: t.accountTitle,
      login: user.login,
      displayName: user.displayName,
      roleLabel: labelOf(lang, 'role', user.role),
      scope: scopeText(user.unitScope, lang),
      permissions: permissionsOf(user.role).map((p) => labelOf(lang, 'perm', p)),
      selfHref: maySelfAssess(user) ? (lang === 'en' ? '/self?lang=en' : '/self') : null,
      notice: input.notice ?? null,
      problems: input.problems ?? [],
      tokens: input.tokens
        .filter((token) => token.kind === 'token')
        .map((token) => ({
          label: token.label ?? '',
          created: when(token.createdAt, lang),
          lastUsed: when(token.lastUsedAt, lang),
          expires: when(token.expiresAt, lang),
          revokeAction: `/account/tokens/${encodeURIComponent(token.id)}/revoke`,
        })),
      noTokens: !input.tokens.some((token) => token.kind === 'token'),
      newToken:
        input.newToken == null
          ? null
          : { intro: fill(t.tokenShownOnce, { label: input.newToken.label }), secret: input.newToken.secret },
      tokenDays: input.tokenDays,
    },
  );
}
