/**
 * The view model of /login: the form (login, password, the local page to return to) and, after a
 * refused attempt, one message that never says whether the login exists; after too many attempts,
 * how long to wait; while Zhili has no users yet, a pointer to the setup link.
 */
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { withFields } from './with-fields.js';

export interface LoginPage extends Chrome {
  readonly heading: string;
  readonly next: string;
  readonly login: string;
  readonly message: string | null;
  readonly locked: boolean;
  readonly needsSetup: boolean;
}

export interface LoginInput {
  /** A local path (already checked by the router). */
  readonly next: string;
  readonly login?: string;
  readonly failed?: boolean;
  /** Set when the rate limiter refused the attempt. */
  readonly retryMinutes?: number;
  readonly needsSetup?: boolean;
}

export function loginPage(lang: Lang, input: LoginInput): LoginPage {
  const t = labelsFor(lang);
  const locked = input.retryMinutes !== undefined;
  return withFields(
    pageChrome(lang, {
      path: '/login',
      query: { next: input.next === '/' ? undefined : input.next },
      title: t.loginTitle,
      section: 'login',
    }),
    {
      heading: t.loginTitle,
      next: input.next,
      login: input.login ?? '',
      message: locked
        ? fill(t.loginTooMany, { minutes: String(input.retryMinutes) })
        : input.failed === true
          ? t.loginFailed
          : null,
      locked,
      needsSetup: input.needsSetup === true,
    },
  );
}
