/**
 * The data-quality section of the methodology page: the warnings the imported batches of the
 * evaluation's periods kept in their reports (rule breaches, values out of range, jumps), by file,
 * row and column, and each batch's completeness per street and district. Pure: the route hands in
 * the batches and reports it read.
 *
 * @example dataQualitySection([{ fileName: 'a.csv', report }], 'en').warnings[0].problem === 'jump from earlier periods'
 */
import type { ValidationReport } from '../../domain/validation-report.js';
import { MISSING, numberFormat } from '../format/number-format.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';
import { withFields } from './with-fields.js';

/** Warnings listed on the page; the batch's report CSV has them all. */
export const WARNINGS_SHOWN = 200;

export interface BatchQuality {
  readonly fileName: string;
  readonly report: ValidationReport;
}

export interface DataQualitySection {
  readonly warnings: readonly {
    readonly file: string;
    readonly row: string;
    readonly column: string;
    readonly value: string;
    readonly problem: string;
    readonly expected: string;
  }[];
  readonly warningsMore: number;
  readonly completeness: readonly { readonly file: string; readonly unit: string; readonly share: string }[];
}

export function dataQualitySection(batches: readonly BatchQuality[], lang: Lang): DataQualitySection {
  const all = batches.flatMap(({ fileName, report }) =>
    report.issues
      .filter((issue) => issue.severity === 'warning')
      .map((issue) => ({
        file: fileName,
        row: String(issue.row),
        column: issue.column === null ? '' : `${issue.column.letter} ${issue.column.header}`,
        value: issue.value,
        problem: labelOf(lang, 'issue', issue.reason),
        expected: issue.expected,
      })),
  );
  const format = numberFormat(lang);
  return {
    warnings: all.slice(0, WARNINGS_SHOWN),
    warningsMore: Math.max(0, all.length - WARNINGS_SHOWN),
    completeness: batches.flatMap(({ fileName, report }) =>
      (report.completeness ?? []).map((c) => ({
        file: fileName,
        unit: c.unit,
        share: c.share === null ? MISSING : format.share(c.share),
      })),
    ),
  };
}

/** The page model with the section added (as `dataQuality`). */
export function withDataQuality<T extends object>(
  page: T,
  dataQuality: DataQualitySection,
): T & { readonly dataQuality: DataQualitySection } {
  return withFields(page, { dataQuality });
}
