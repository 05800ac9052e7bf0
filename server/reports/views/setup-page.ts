/**
 * The view model of /setup?token=…, the one-time creation of the first administrator: the form
 * (login, display name, password twice) while the link is valid, a refusal naming the newest link
 * when it is not, and a pointer to the login page once Zhili has users.
 */
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import type { FormProblem } from './form-problems.js';
import { withFields } from './with-fields.js';

export type SetupState = 'form' | 'invalid' | 'has-users';

export interface SetupPage extends Chrome {
  readonly heading: string;
  readonly showForm: boolean;
  readonly message: string | null;
  readonly loginLink: boolean;
  readonly token: string;
  readonly login: string;
  readonly displayName: string;
  readonly problems: readonly FormProblem[];
}

export interface SetupInput {
  readonly state: SetupState;
  readonly token: string;
  readonly login?: string;
  readonly displayName?: string;
  readonly problems?: readonly FormProblem[];
}

export function setupPage(lang: Lang, input: SetupInput): SetupPage {
  const t = labelsFor(lang);
  return withFields(
    pageChrome(lang, {
      path: '/setup',
      query: { token: input.state === 'form' ? input.token : undefined },
      title: t.setupTitle,
      section: 'login',
    }),
    {
      heading: t.setupTitle,
      showForm: input.state === 'form',
      message:
        input.state === 'invalid' ? t.setupInvalid : input.state === 'has-users' ? t.setupHasUsers : null,
      loginLink: input.state === 'has-users',
      token: input.state === 'form' ? input.token : '',
      login: input.login ?? '',
      displayName: input.displayName ?? '',
      problems: input.problems ?? [],
    },
  );
}
