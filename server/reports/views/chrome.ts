/**
 * What the layout needs on every report page: the language (for <html lang> and the labels `t`),
 * the page title, the navigation with the current section marked, the link that switches language
 * (same page, same query, the other ?lang=), whether to load the chart scripts, and an optional
 * refresh interval (the import page while a job runs). Each navigation item names the permission it
 * needs; account-chrome.ts keeps the items the reader may use and adds who is logged in.
 *
 * @example pageChrome('zh', { path: '/indicators', query: {}, title: '指标目录', section: 'indicators' }).switchHref
 * // '/indicators?lang=en'
 */
import type { Permission } from '../../access/permissions.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { labelsFor, type Labels } from '../i18n/labels.js';
import { href, type QueryValues } from './href.js';

export type Section =
  | 'home'
  | 'evaluations'
  | 'indicators'
  | 'import'
  | 'jobs'
  | 'users'
  | 'audit'
  | 'account'
  | 'login'
  | 'review';

export interface ChromeInput {
  readonly path: string;
  readonly query: QueryValues;
  readonly title: string;
  readonly section: Section;
  readonly charts?: boolean;
  readonly refreshSeconds?: number;
}

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly current: boolean;
  /** What the reader needs for the item to be shown. */
  readonly permission: Permission;
}

export interface Chrome {
  readonly chrome: true;
  readonly lang: Lang;
  readonly htmlLang: string;
  readonly t: Labels;
  readonly title: string;
  readonly section: Section;
  readonly nav: readonly NavItem[];
  readonly switchHref: string;
  readonly switchHrefLang: string;
  readonly charts: boolean;
  readonly refreshSeconds: number | null;
}

export function pageChrome(lang: Lang, input: ChromeInput): Chrome {
  const t = labelsFor(lang);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const nav = (
    [
      ['evaluations', '/evaluations', t.navEvaluations, 'reports.read'],
      ['indicators', '/indicators', t.navIndicators, 'reports.read'],
      ['import', '/import', t.navImport, 'data.import'],
      ['review', '/import/review', t.navReview, 'data.confirm'],
      ['jobs', '/jobs', t.navJobs, 'evaluations.run'],
      ['users', '/admin/users', t.navUsers, 'users.manage'],
      ['audit', '/admin/audit', t.navAudit, 'audit.read'],
    ] as const
  ).map(([section, path, text, permission]) => ({
    href: path,
    label: text,
    current: section === input.section,
    permission,
  }));
  return {
    chrome: true,
    lang,
    htmlLang: LOCALES[lang],
    t,
    title: input.title,
    section: input.section,
    nav,
    switchHref: href(input.path, input.query, { lang: other }),
    switchHrefLang: LOCALES[other],
    charts: input.charts ?? false,
    refreshSeconds: input.refreshSeconds ?? null,
  };
}
