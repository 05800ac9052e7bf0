/**
 * The view model of an evaluation's versions, for the lineage partial on the evaluation and
 * methodology pages: which version this is ("第 2 版 Version 2"), the version it replaces (linked),
 * a notice when a newer published version exists (linked to the newest), and the whole line with
 * dates, who published each version and why it was made. Only published versions are listed,
 * besides the one shown: a draft is not part of the record until it is published.
 *
 * @example lineageView(v1, [v1, v2], 'en', '').newer?.text === 'See version 2 (published …)'
 */
import type { Evaluation, VersionReason } from '../../domain/evaluation.js';
import { fnv1a } from '../format/fnv1a.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { when } from './evaluations-list.js';
import { withFields } from './with-fields.js';

export interface LineageLink {
  readonly text: string;
  readonly href: string;
}

export interface LineageEntry {
  readonly version: string;
  readonly href: string;
  /** True for the version this page shows (not linked). */
  readonly current: boolean;
  readonly status: string;
  readonly created: string;
  /** When and by whom it was published; '—' for a draft. */
  readonly published: string;
  readonly reason: string;
}

export interface LineageView {
  /** "第 N 版" / "Version N". */
  readonly version: string;
  /** The version this one replaces; null for version 1. */
  readonly replaces: LineageLink | null;
  /** The newest published version, when it is newer than this one. */
  readonly newer: LineageLink | null;
  /** "Reason for the change: …"; null for version 1. */
  readonly reasonLine: string | null;
  /** The whole line, oldest first (shown on the methodology page). */
  readonly entries: readonly LineageEntry[];
  readonly showLine: boolean;
}

export function reasonText(reason: VersionReason | null, lang: Lang): string | null {
  if (reason === null) return null;
  return typeof reason === 'string' ? reason : pick(reason, lang);
}

/**
 * @param line every version of the line (store.evaluations.versions), in any order
 * @param section what the links point at under /evaluations/:id: '' (the overview) or '/methodology'
 * @param showLine whether the page lists the whole line
 */
export function lineageView(
  current: Evaluation,
  line: readonly Evaluation[],
  lang: Lang,
  section: '' | '/methodology',
  showLine = section === '/methodology',
): LineageView {
  const t = labelsFor(lang);
  const href = (e: Evaluation): string => `/evaluations/${encodeURIComponent(e.id)}${section}`;
  const versionText = (e: Evaluation): string => fill(t.lineageVersion, { n: e.version });
  const shown = line
    .filter((e) => e.status === 'published' || e.id === current.id)
    .sort((a, b) => a.version - b.version);
  const previous = shown.find((e) => e.id === current.supersedes);
  const newest = shown.at(-1);
  const newer = newest !== undefined && newest.version > current.version ? newest : undefined;
  return {
    version: versionText(current),
    replaces:
      previous === undefined
        ? null
        : { text: fill(t.lineageReplaces, { n: previous.version }), href: href(previous) },
    newer:
      newer === undefined
        ? null
        : {
            text: fill(t.lineageNewerLink, { n: newer.version, at: when(newer.publishedAt, lang) }),
            href: href(newer),
          },
    reasonLine:
      current.reason === null
        ? null
        : fill(t.lineageReason, { reason: reasonText(current.reason, lang) ?? '' }),
    entries: shown.map((e) => ({
      version: versionText(e),
      href: href(e),
      current: e.id === current.id,
      status: labelOf(lang, 'status', e.status),
      created: when(e.createdAt, lang),
      published:
        e.publishedAt === null
          ? '—'
          : fill(t.byActor, { at: when(e.publishedAt, lang), actor: e.publishedBy ?? '' }),
      reason: reasonText(e.reason, lang) ?? t.lineageFirst,
    })),
    showLine,
  };
}

/** A page's view model with its lineage added (the pages' templates include the lineage partial). */
export function withLineage<T extends object>(
  page: T,
  lineage: LineageView,
): T & { readonly lineage: LineageView } {
  return withFields(page, { lineage });
}

/**
 * Names the state of the line for the page's validator: a version made, published or deleted
 * changes what the pages of the others show (the newer-version notice), though not their results.
 */
export function lineageKey(line: readonly Evaluation[]): string {
  return `-${fnv1a(line.map((e) => `${e.id}:${e.status}`).join(' '))}`;
}
