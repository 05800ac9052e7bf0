/**
 * The view model of /admin/audit: the audit log filtered by actor, action, target and a date range
 * (UTC days, both ends included), newest first, 50 events a page, with CSV/XLSX/JSON exports of
 * everything the filter matches. The page names each action and each detail's key in the page's
 * language (values as recorded; nested values as compact JSON); the exports keep the codes and the
 * JSON the log holds (it never holds a secret).
 */
import type { AuditEvent } from '../../domain/audit-event.js';
import type { JsonValue } from '../../domain/json-value.js';
import type { LabelledTable } from '../export/labelled-table.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelOrNull, labelsFor } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { href, type QueryValues } from './href.js';
import type { Option } from './level-options.js';
import { AUDIT_ACTIONS } from '../../domain/audit-event.js';
import { withFields } from './with-fields.js';

export const AUDIT_ROWS_PER_PAGE = 50;

/** The actions Zhili records (the one list, domain/audit-event.ts); the filter offers these. */
export { AUDIT_ACTIONS };

export interface AuditFilter {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly target?: string | undefined;
  /** YYYY-MM-DD, UTC, inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly page: number;
}

/** One key of an event's detail: its label (or, for a key without one, the key as code) and its value. */
export interface AuditDetailItem {
  readonly key: string;
  /** True when the key has no label and is shown as code. */
  readonly code: boolean;
  readonly value: string;
}

export interface AuditRow {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  /** The recorded code, beside the label. */
  readonly actionCode: string;
  readonly target: string;
  readonly detail: readonly AuditDetailItem[];
}

export interface AuditPage extends Chrome {
  readonly heading: string;
  readonly path: string;
  readonly actor: string;
  readonly target: string;
  readonly from: string;
  readonly to: string;
  readonly actions: readonly Option[];
  readonly rows: readonly AuditRow[];
  readonly empty: boolean;
  readonly pageLabel: string;
  readonly previousHref: string | null;
  readonly nextHref: string | null;
  readonly exports: readonly ExportLink[];
}

/** An ISO timestamp as "YYYY-MM-DD hh:mm:ss" (UTC, as stored). */
export function auditTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 19);
}

function detailText(detail: JsonValue): string {
  return detail === null ? '' : JSON.stringify(detail);
}

function valueText(value: JsonValue, lang: Lang): string {
  if (value === null) return '—';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.map((v) => String(v)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The detail of an event key by key, labelled in the page's language where Zhili knows the key. */
function detailItems(detail: JsonValue, lang: Lang): AuditDetailItem[] {
  if (detail === null) return [];
  if (typeof detail !== 'object' || Array.isArray(detail))
    return [{ key: '', code: false, value: valueText(detail, lang) }];
  return Object.entries(detail).map(([key, value]) => {
    const label = labelOrNull(lang, 'auditKey', key);
    return { key: label ?? key, code: label === null, value: valueText(value, lang) };
  });
}

export function filterQuery(filter: AuditFilter): QueryValues {
  return {
    actor: filter.actor,
    action: filter.action,
    target: filter.target,
    from: filter.from,
    to: filter.to,
  };
}

export function auditPage(
  lang: Lang,
  events: readonly AuditEvent[],
  filter: AuditFilter,
  hasNext: boolean,
): AuditPage {
  const t = labelsFor(lang);
  const path = '/admin/audit';
  const query = filterQuery(filter);
  const known: readonly string[] = AUDIT_ACTIONS;
  const actions = [
    ...AUDIT_ACTIONS,
    ...(filter.action !== undefined && !known.includes(filter.action) ? [filter.action] : []),
  ];
  return withFields(
    pageChrome(lang, {
      path,
      query: withFields(query, { page: filter.page > 1 ? filter.page : undefined }),
      title: t.auditTitle,
      section: 'audit',
    }),
    {
      heading: t.auditTitle,
      path,
      actor: filter.actor ?? '',
      target: filter.target ?? '',
      from: filter.from ?? '',
      to: filter.to ?? '',
      actions: actions.map((action) => ({
        value: action,
        label: labelOf(lang, 'auditAction', action),
        selected: action === filter.action,
      })),
      rows: events.map((event) => ({
        at: auditTime(event.at),
        actor: event.actor,
        action: labelOf(lang, 'auditAction', event.action),
        actionCode: event.action,
        target: event.target ?? '',
        detail: detailItems(event.detail, lang),
      })),
      empty: events.length === 0,
      pageLabel: fill(t.auditPageOf, { page: String(filter.page) }),
      previousHref: filter.page > 1 ? href(path, query, { page: filter.page - 1 }) : null,
      nextHref: hasNext ? href(path, query, { page: filter.page + 1 }) : null,
      exports: exportLinks(path, query, 'audit'),
    },
  );
}

export function auditExport(events: readonly AuditEvent[], lang: Lang): LabelledTable {
  const t = labelsFor(lang);
  return {
    name: 'audit',
    ids: ['at', 'actor', 'action', 'target', 'detail'],
    labels: [t.colAt, t.colActor, t.colAction, t.colTarget, t.colDetail],
    rows: events.map((event) => [
      event.at,
      event.actor,
      event.action,
      event.target,
      detailText(event.detail),
    ]),
  };
}
