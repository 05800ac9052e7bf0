/**
 * The title block a printed report carries at its top (shown only on paper): what the report is
 * about, the evaluation, its version and status, and the date the page was printed, in the page's
 * language. The date is the day the server rendered the page, in UTC like every date the reports
 * show; the page's validator changes with the day, so a page kept in the browser's cache never
 * prints an older date.
 *
 * @example printTitle(evaluation, 'zh', new Date('2025-06-03T09:00:00Z'), '光谷区（WY03）').rows.at(-1)
 * // { label: '打印日期', value: '2025年6月3日' }
 */
import type { Evaluation } from '../../domain/evaluation.js';
import { fill } from '../i18n/fill.js';
import { LOCALES, LANGS, type Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { evaluationTitle } from './evaluation-title.js';
import { withFields } from './with-fields.js';

export interface PrintTitleRow {
  readonly label: string;
  readonly value: string;
}

export interface PrintTitle {
  /** The block's accessible name. */
  readonly label: string;
  readonly rows: readonly PrintTitleRow[];
}

/** Making an Intl.DateTimeFormat costs far more than using one: one per language, made once. */
const DAY_FORMATS = Object.fromEntries(
  LANGS.map((lang) => [lang, new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' })]),
) as Readonly<Record<Lang, Intl.DateTimeFormat>>;

/** The last day printed per language: every page of a day prints the same one. */
const lastDay = new Map<Lang, { readonly key: string; readonly text: string }>();

/** A day in the reader's language, in UTC: "2025年6月3日", "3 June 2025". */
export function printDay(at: Date, lang: Lang): string {
  const key = printDayKey(at);
  const last = lastDay.get(lang);
  if (last?.key === key) return last.text;
  const text = DAY_FORMATS[lang].format(at);
  lastDay.set(lang, { key, text });
  return text;
}

/** The UTC day of a moment ("2025-06-03"): what a page's validator changes with. */
export function printDayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A unit as the title block names it: "光谷区（WY03）", "Guanggu District (WY03)". */
export function unitSubject(name: string, code: string, lang: Lang): string {
  return fill(labelsFor(lang).printUnit, { name, code });
}

/**
 * @param subject what the report is about (a unit's name and code), or null for the evaluation
 *   as a whole
 */
export function printTitle(
  evaluation: Pick<Evaluation, 'label' | 'periods' | 'version' | 'status' | 'publishedAt'> & {
    readonly framework: { readonly id: string };
  },
  lang: Lang,
  printedAt: Date,
  subject: string | null,
): PrintTitle {
  const t = labelsFor(lang);
  const status = labelOf(lang, 'status', evaluation.status);
  const published = evaluation.publishedAt === null ? null : new Date(evaluation.publishedAt);
  const statusText =
    published === null || Number.isNaN(published.getTime())
      ? status
      : fill(t.printPublishedOn, { status, date: printDay(published, lang) });
  const rows: PrintTitleRow[] = [
    ...(subject === null ? [] : [{ label: t.printSubject, value: subject }]),
    { label: t.printEvaluation, value: evaluationTitle(evaluation, lang) },
    { label: t.printVersion, value: `${fill(t.lineageVersion, { n: evaluation.version })} · ${statusText}` },
    { label: t.printDate, value: printDay(printedAt, lang) },
  ];
  return { label: t.printTitleLabel, rows };
}

export function withPrintTitle<T extends object>(
  page: T,
  title: PrintTitle,
): T & { readonly printTitle: PrintTitle } {
  return withFields(page, { printTitle: title });
}
