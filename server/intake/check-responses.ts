/**
 * Checks a respondent file (one row per respondent) against the framework's survey items and the
 * unit register, and turns it into rows for the store. Every bad cell goes into the report with
 * its row and column: unknown units, periods, answers off the scale (with the levels expected),
 * weights that are not positive numbers, and columns no survey definition declares. An answer may
 * be the level's value or its label (满意, satisfied); an empty cell is an item not answered.
 */
import type { ResponseRow } from '../domain/response.js';
import type { CellIssue, ValidationReport } from '../domain/validation-report.js';
import { normaliseHeader } from './header-match.js';
import { isUnitCode, periodOf, unitCodeOf } from './key-values.js';
import { readNumber } from './read-number.js';
import { columnRef, ReportBuilder } from './report-builder.js';
import { responseLayout } from './response-layout.js';
import { describeScale, type SurveyItem } from './survey-items.js';
import { cellText, isBlank, type Cell, type Table, type TableRow } from './table.js';
import { ROWS_PER_SLICE, yieldToEventLoop } from './yield-to-event-loop.js';

export interface ResponseCheck {
  readonly table: Table;
  readonly items: readonly SurveyItem[];
  readonly knownUnits: ReadonlySet<string>;
  /** The period of every row; null when the file's period column names them. */
  readonly period: string | null;
}

export interface CheckedResponses {
  readonly rows: ResponseRow[];
  readonly periods: string[];
  readonly report: ValidationReport;
}

type Issue = (index: number | null, reason: CellIssue['reason'], expected: string) => void;

/** The scale value a cell names (its value or a label), or undefined. */
function levelOf(item: SurveyItem, cell: Cell | undefined): number | undefined {
  const read = readNumber(cell);
  if (read.kind === 'number') return item.scale.some((l) => l.value === read.value) ? read.value : undefined;
  const text = normaliseHeader(cellText(cell));
  return item.scale.find((l) => normaliseHeader(l.label.zh) === text || normaliseHeader(l.label.en) === text)
    ?.value;
}

function rowPeriod(
  row: TableRow,
  index: number | undefined,
  declared: string | null,
  issue: Issue,
): string | undefined {
  if (index === undefined || isBlank(row.cells[index])) {
    if (declared === null) issue(index ?? null, 'missing_key', 'the period');
    return declared ?? undefined;
  }
  const named = periodOf(row.cells[index]);
  if (named === undefined) issue(index, 'invalid_period', 'a period such as 2025, 2025H1, 2025Q3 or 2025-07');
  else if (declared !== null && named !== declared)
    issue(index, 'period_mismatch', `${declared}, the period of this import`);
  else return named;
  return undefined;
}

function rowWeight(row: TableRow, index: number | undefined, issue: Issue): number {
  if (index === undefined || isBlank(row.cells[index])) return 1;
  const read = readNumber(row.cells[index]);
  if (read.kind === 'number' && read.value > 0) return read.value;
  issue(index, 'invalid_weight', 'a design weight above 0 (or an empty cell for 1)');
  return 1;
}

export async function checkResponses(check: ResponseCheck): Promise<CheckedResponses> {
  const { table } = check;
  const report = new ReportBuilder(table.fileName, table.sheet);
  const layout = responseLayout(table, check.items, check.period, report, table.format === 'json' ? 0 : 1);
  const rows: ResponseRow[] = [];
  if (report.errorCount > 0 || layout.unit === undefined)
    return { rows, periods: [], report: report.build(0) };
  const unitIndex = layout.unit;
  let read = 0;
  for (const [position, row] of table.rows.entries()) {
    if (position % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    if (row.cells.every(isBlank)) continue;
    read += 1;
    const errorsBefore = report.errorCount;
    const issue: Issue = (index, reason, expected) => {
      const column = index === null ? null : columnRef(index, table.headers[index] ?? '');
      const value = index === null ? '' : cellText(row.cells[index]);
      report.add({ row: row.row, column, value, reason, expected, severity: 'error' });
    };
    const unit = unitCodeOf(row.cells[unitIndex]);
    if (unit === '') issue(unitIndex, 'missing_key', 'the unit code');
    else if (!isUnitCode(unit) || !check.knownUnits.has(unit))
      issue(unitIndex, 'unknown_unit', 'the code of a unit in the unit register (import units first)');
    const period = rowPeriod(row, layout.period, check.period, issue);
    const weight = rowWeight(row, layout.weight, issue);
    const answers: Record<string, number> = {};
    for (const { index, item } of layout.items) {
      if (isBlank(row.cells[index])) continue;
      const level = levelOf(item, row.cells[index]);
      if (level === undefined)
        issue(index, 'off_scale', `one of the levels of ${item.name}: ${describeScale(item)}`);
      else answers[item.name] = level;
    }
    for (let extra = table.headers.length; extra < row.cells.length; extra += 1) {
      if (!isBlank(row.cells[extra])) {
        issue(extra, 'extra_cells', 'no cell beyond the last header (check the separator)');
        break;
      }
    }
    if (report.errorCount === errorsBefore && period !== undefined)
      rows.push({ unit, period, answers, weight });
  }
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return { rows, periods, report: report.build(read) };
}
