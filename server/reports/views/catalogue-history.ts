/**
 * The version history of the definitions catalogue on /indicators: each version's number, date,
 * actor, origin, reason and what it changed (added, changed or removed; the definition's kind,
 * id and version before → after), newest first, plus the same as an export table
 * (?format=csv|xlsx|json&table=history, one row per change). Only formats what the store recorded.
 */
import type { CatalogueChange, CatalogueReason, CatalogueVersionSummary } from '../../domain/catalogue.js';
import type { LabelledTable } from '../export/labelled-table.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { when } from './evaluations-list.js';

export interface HistoryRow {
  readonly version: number;
  readonly current: boolean;
  readonly date: string;
  readonly actor: string;
  readonly origin: string;
  readonly reason: string;
  readonly files: string;
  readonly changes: readonly string[];
  readonly noChanges: string | null;
}

export interface CatalogueHistory {
  readonly current: string;
  readonly rows: readonly HistoryRow[];
  readonly exports: readonly ExportLink[];
}

function reasonText(reason: CatalogueReason, lang: Lang): string {
  return typeof reason === 'string' ? reason : pick(reason, lang);
}

/** "changed framework default 1.0.1 → 1.1.0 (frameworks/default.json)" in the reader's language. */
export function changeText(change: CatalogueChange, lang: Lang): string {
  const parts = [labelOf(lang, 'catalogueChange', change.change)];
  if (change.kind !== undefined) parts.push(labelOf(lang, 'definitionKind', change.kind));
  if (change.id !== undefined) parts.push(change.id);
  const versions =
    change.from !== undefined && change.to !== undefined
      ? change.from === change.to
        ? change.to
        : `${change.from} → ${change.to}`
      : (change.to ?? change.from);
  if (versions !== undefined) parts.push(versions);
  return `${parts.join(' ')} (${change.file})`;
}

export function catalogueHistory(
  versions: readonly CatalogueVersionSummary[],
  current: number,
  query: Readonly<Record<string, string>>,
  lang: Lang,
): CatalogueHistory {
  const t = labelsFor(lang);
  return {
    current: fill(t.historyCurrent, { version: current }),
    rows: versions.map((v) => ({
      version: v.version,
      current: v.version === current,
      date: when(v.createdAt, lang),
      actor: v.actor,
      origin: labelOf(lang, 'catalogueOrigin', v.origin),
      reason: reasonText(v.reason, lang),
      files: fill(t.historyFiles, { count: v.fileCount }),
      changes: v.changes.map((c) => changeText(c, lang)),
      noChanges: v.changes.length === 0 ? t.historyNoChanges : null,
    })),
    exports: exportLinks('/indicators', query, 'history'),
  };
}

export function catalogueHistoryExport(
  versions: readonly CatalogueVersionSummary[],
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  return {
    name: 'catalogue-history',
    ids: ['version', 'createdAt', 'actor', 'origin', 'reason', 'file', 'change', 'kind', 'id', 'from', 'to'],
    labels: [
      t.historyVersion,
      t.historyDate,
      t.historyActor,
      t.historyOrigin,
      t.historyReason,
      labelOf(lang, 'auditKey', 'file'),
      t.historyChanges,
      labelOf(lang, 'auditKey', 'kind'),
      t.colId,
      labelOf(lang, 'auditKey', 'from'),
      labelOf(lang, 'auditKey', 'to'),
    ],
    rows: versions.flatMap((v) => {
      const head = [v.version, v.createdAt, v.actor, v.origin, reasonText(v.reason, lang)];
      if (v.changes.length === 0) return [[...head, null, null, null, null, null, null]];
      return v.changes.map((c) => [
        ...head,
        c.file,
        c.change,
        c.kind ?? null,
        c.id ?? null,
        c.from ?? null,
        c.to ?? null,
      ]);
    }),
  };
}
