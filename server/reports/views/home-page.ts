/**
 * The view model of the front page: a welcome, what this reader may do here (only the sections
 * their role allows, each with a line saying what it is for), how many evaluations they may read,
 * and whether the store answers.
 */
import { can, type Permission } from '../../access/permissions.js';
import type { Role } from '../../domain/user.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor, type Labels } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { withFields } from './with-fields.js';

export interface HomeLink {
  readonly href: string;
  readonly label: string;
  readonly description: string;
}

export interface HomePage extends Chrome {
  readonly heading: string;
  readonly intro: string;
  readonly welcome: string;
  readonly links: readonly HomeLink[];
  readonly evaluations: string;
  readonly store: string;
  readonly storeOk: boolean;
}

export interface HomeInput {
  readonly displayName: string;
  readonly role: Role;
  readonly evaluationCount: number;
  readonly storeKind: string;
  readonly storeOk: boolean;
}

function links(t: Labels): readonly (readonly [string, string, string, Permission])[] {
  return [
    ['/evaluations', t.navEvaluations, t.desc_evaluations, 'reports.read'],
    ['/indicators', t.navIndicators, t.desc_indicators, 'reports.read'],
    ['/import', t.navImport, t.desc_import, 'data.import'],
    ['/admin/users', t.navUsers, t.desc_users, 'users.manage'],
    ['/admin/audit', t.navAudit, t.desc_audit, 'audit.read'],
    ['/account', t.navAccount, t.desc_account, 'reports.read'],
  ];
}

export function homePage(lang: Lang, input: HomeInput): HomePage {
  const t = labelsFor(lang);
  return withFields(pageChrome(lang, { path: '/', query: {}, title: t.appTagline, section: 'home' }), {
    heading: t.appName,
    intro: t.homeIntro,
    welcome: fill(t.homeWelcome, { name: input.displayName }),
    links: links(t)
      .filter(([, , , permission]) => can(input.role, permission))
      .map(([href, label, description]) => ({ href, label, description })),
    evaluations: fill(t.homeEvaluationCount, { count: numberFormat(lang).count(input.evaluationCount) }),
    store: `${t.homeStore}: ${input.storeKind} — ${input.storeOk ? t.storeOk : t.storeDown}`,
    storeOk: input.storeOk,
  });
}
