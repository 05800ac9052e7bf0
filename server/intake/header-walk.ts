/**
 * The walk over a table's header row that every layout shares (observations, respondent files):
 * each header is matched to what it stands for; a second column for the same thing is an error on
 * the header row naming the first one; a header that matches nothing goes to `unmatched`, which
 * decides what that means for its kind of file (a warning, or an error).
 *
 * @example const columns = matchedColumns(table.headers, match, report, 1, warnUnknown); columns.get('unit_code')
 */
import type { CellIssue, IssueColumn } from '../domain/validation-report.js';
import { columnRef, type ReportBuilder } from './report-builder.js';

/** What each matched key's column is, in the order of the headers. */
export function matchedColumns(
  headers: readonly string[],
  match: (header: string) => string | undefined,
  report: ReportBuilder,
  headerRow: number,
  unmatched: (header: string, column: IssueColumn) => void,
): Map<string, number> {
  const taken = new Map<string, number>();
  headers.forEach((header, index) => {
    const column = columnRef(index, header);
    const key = match(header);
    if (key === undefined) {
      unmatched(header, column);
      return;
    }
    const first = taken.get(key);
    if (first !== undefined) {
      report.add({
        row: headerRow,
        column,
        value: header,
        reason: 'duplicate_column',
        expected: `one column only; column ${columnRef(first, '').letter} is the same`,
        severity: 'error',
      });
      return;
    }
    taken.set(key, index);
  });
  return taken;
}

/** A column the file must have and does not, reported on the header row. */
export function missingColumn(headerRow: number, expected: string): CellIssue {
  return { row: headerRow, column: null, value: '', reason: 'missing_column', expected, severity: 'error' };
}

/** The unit code column every file needs, and the period column unless the import declares one. */
export function reportMissingKeyColumns(
  found: { readonly unit: number | undefined; readonly period: number | undefined },
  declaredPeriod: string | null,
  report: ReportBuilder,
  headerRow: number,
): void {
  if (found.unit === undefined) report.add(missingColumn(headerRow, 'a unit_code｜单位代码 column'));
  if (found.period === undefined && declaredPeriod === null)
    report.add(missingColumn(headerRow, 'a period｜时期 column, or a declared period'));
}
