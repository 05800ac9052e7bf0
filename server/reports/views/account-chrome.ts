/**
 * Who is reading: the page header shows the logged-in user's display name and role, a link to their
 * account page and a logout button (a POST form carrying the CSRF token), and keeps only the
 * navigation items their role may use. A visitor who is not logged in (the login and setup pages)
 * gets no navigation at all. Every page's forms find the CSRF token as `csrf`.
 *
 * @example withAccount(page, { displayName: '李明', role: 'viewer' }, token).nav.map((n) => n.href)
 * // ['/evaluations', '/indicators']
 */
import { can } from '../../access/permissions.js';
import type { Role } from '../../domain/user.js';
import { labelOf } from '../i18n/labels.js';
import type { Chrome, NavItem } from './chrome.js';
import { withFields } from './with-fields.js';

export interface Viewer {
  readonly displayName: string;
  readonly role: Role;
}

export interface AccountChrome {
  readonly displayName: string;
  readonly roleLabel: string;
  readonly accountHref: string;
  readonly current: boolean;
}

export type WithAccount<T extends Chrome> = Omit<T, 'nav'> & {
  readonly nav: readonly NavItem[];
  readonly account: AccountChrome | null;
  /** The CSRF token every POST form of the page carries as its hidden _csrf field. */
  readonly csrf: string;
};

export function withAccount<T extends Chrome>(page: T, viewer: Viewer | null, csrf: string): WithAccount<T> {
  return withFields(page, {
    nav: viewer === null ? [] : page.nav.filter((item) => can(viewer.role, item.permission)),
    account:
      viewer === null
        ? null
        : {
            displayName: viewer.displayName,
            roleLabel: labelOf(page.lang, 'role', viewer.role),
            accountHref: '/account',
            current: page.section === 'account',
          },
    csrf,
  });
}
