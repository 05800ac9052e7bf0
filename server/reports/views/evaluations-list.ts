/**
 * The view model of /evaluations: every evaluation, newest first, with its framework and version,
 * periods, status and dates, linked to its report when it has results; with two or more that have
 * results, checkboxes to pick two or three and compare them (/evaluations/compare, a plain GET form).
 */
import type { Evaluation } from '../../domain/evaluation.js';
import type { LabelledTable } from '../export/labelled-table.js';
import type { Lang } from '../i18n/lang.js';
import { fill } from '../i18n/fill.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { withFields } from './with-fields.js';

export interface EvaluationItem {
  readonly title: string;
  readonly href: string | null;
  readonly id: string;
  /** "第 2 版 Version 2": published evaluations never change, corrections are new versions. */
  readonly version: string;
  readonly framework: string;
  readonly periods: string;
  readonly status: string;
  readonly draft: boolean;
  readonly created: string;
  readonly published: string;
  /** Whether the compare picker offers it (it has results), and its checkbox's accessible name. */
  readonly pickable: boolean;
  readonly pickLabel: string;
}

export interface EvaluationsPage extends Chrome {
  readonly items: readonly EvaluationItem[];
  readonly empty: boolean;
  readonly exports: readonly ExportLink[];
  /** The compare picker: a GET form to /evaluations/compare, shown when two evaluations have results. */
  readonly picker: boolean;
}

/** Making an Intl.DateTimeFormat costs far more than using one: one per language, made once. */
const DATE_FORMATS: Readonly<Record<Lang, Intl.DateTimeFormat>> = {
  zh: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
};

/** A timestamp as date and minute in the reader's locale, in UTC (what the store records). */
export function when(iso: string | null, lang: Lang): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE_FORMATS[lang].format(date);
}

export function evaluationsPage(evaluations: readonly Evaluation[], lang: Lang): EvaluationsPage {
  const t = labelsFor(lang);
  return withFields(
    pageChrome(lang, {
      path: '/evaluations',
      query: {},
      title: t.evaluationsTitle,
      section: 'evaluations',
    }),
    {
      items: evaluations.map((e) => ({
        title: evaluationTitle(e, lang),
        href: e.results === null ? null : `/evaluations/${encodeURIComponent(e.id)}`,
        id: e.id,
        version: fill(t.lineageVersion, { n: e.version }),
        framework: `${e.framework.id} ${e.framework.version}`,
        periods: e.periods.join(', '),
        status: labelOf(lang, 'status', e.status),
        draft: e.status === 'draft',
        created: when(e.createdAt, lang),
        published: when(e.publishedAt, lang),
        pickable: e.results !== null,
        pickLabel: fill(t.evcPickLabel, { title: evaluationTitle(e, lang) }),
      })),
      empty: evaluations.length === 0,
      exports: exportLinks('/evaluations', {}, 'evaluations'),
      picker: evaluations.filter((e) => e.results !== null).length >= 2,
    },
  );
}

export function evaluationsExport(evaluations: readonly Evaluation[], lang: Lang): LabelledTable {
  const t = labelsFor(lang);
  return {
    name: 'evaluations',
    ids: [
      'id',
      'title',
      'version',
      'supersedes',
      'framework',
      'framework_version',
      'framework_hash',
      'periods',
      'status',
      'created_at',
      'published_at',
      'results_sha256',
    ],
    labels: [
      t.colId,
      t.colEvaluation,
      t.colEvaluationVersion,
      t.colSupersedes,
      t.colFramework,
      t.colVersion,
      t.colHash,
      t.colPeriods,
      t.colStatus,
      t.colCreated,
      t.colPublished,
      t.fieldResultsHash,
    ],
    rows: evaluations.map((e) => [
      e.id,
      evaluationTitle(e, lang),
      e.version,
      e.supersedes,
      e.framework.id,
      e.framework.version,
      e.framework.hash,
      e.periods.join(' '),
      e.status,
      e.createdAt,
      e.publishedAt,
      e.results?.sha256 ?? null,
    ]),
  };
}
