/**
 * Checks an observations table against the framework's variables and the known units, and turns
 * it into rows for the store. Every bad cell goes into the report with its row and column as the
 * user sees them: unknown units, duplicate unit+period rows, text that is not a number (formula
 * look-alikes named as such), non-integers, values out of range and negative counts; unknown
 * columns are warnings. The indicators' rules (numerator ≤ denominator …) and valid ranges run on
 * each row whose cells are sound (check-rules.ts), an error or a warning as the rule says.
 * Rows are checked in slices, with a pause for other requests between them.
 */
import type { ObservationRow } from '../domain/observation.js';
import type { CellIssue, IssueColumn, ValidationReport } from '../domain/validation-report.js';
import type { DataRule } from '../indicators/data-rules.js';
import { rangeProblem, expectedValue } from './check-range.js';
import { ruleBreaches } from './check-rules.js';
import { normaliseHeader } from './header-match.js';
import { layoutOf, type Layout } from './observation-layout.js';
import type { IntakeVariable } from './intake-variable.js';
import { KEY_NOTES } from './key-columns.js';

const NOTES = new Set(KEY_NOTES.map(normaliseHeader));
import { isUnitCode, periodOf, unitCodeOf } from './key-values.js';
import { readNumber } from './read-number.js';
import { columnRef, ReportBuilder } from './report-builder.js';
import { cellText, isBlank, type Table, type TableRow } from './table.js';
import { ROWS_PER_SLICE, yieldToEventLoop } from './yield-to-event-loop.js';

export interface ObservationCheck {
  readonly table: Table;
  readonly variables: readonly IntakeVariable[];
  readonly knownUnits: ReadonlySet<string>;
  /** The period the import is declared for; null when the file's period column decides. */
  readonly period: string | null;
  /** The framework's import rules and valid ranges (none: only the cells are checked). */
  readonly rules?: readonly DataRule[];
}

export interface CheckedObservations {
  readonly rows: ObservationRow[];
  /** The file row of each of `rows`, in the same order. */
  readonly sources: number[];
  /** The column of each variable found in the file. */
  readonly columns: ReadonlyMap<string, IssueColumn>;
  readonly periods: string[];
  readonly report: ValidationReport;
}

function isNoteRow(row: TableRow, unit: number): boolean {
  return NOTES.has(normaliseHeader(cellText(row.cells[unit])));
}

type Issue = (
  index: number | null,
  reason: CellIssue['reason'],
  expected: string,
  severity?: CellIssue['severity'],
) => void;

function rowUnit(row: TableRow, index: number, known: ReadonlySet<string>, issue: Issue): string | undefined {
  const unit = unitCodeOf(row.cells[index]);
  if (unit === '') issue(index, 'missing_key', 'the unit code');
  else if (!isUnitCode(unit) || !known.has(unit)) {
    issue(index, 'unknown_unit', 'the code of a unit in the unit register (import units first)');
  } else return unit;
  return undefined;
}

/** The row's period: its own cell, else the declared one; undefined (with an issue) when unusable. */
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

function rowValues(row: TableRow, variables: Layout['variables'], issue: Issue): Record<string, number> {
  const values: Record<string, number> = {};
  for (const { index, variable } of variables) {
    const cell = readNumber(row.cells[index]);
    if (cell.kind === 'empty') continue;
    if (cell.kind === 'invalid') {
      const expected = expectedValue(variable);
      const why =
        cell.reason === 'formula_text'
          ? `${expected}; formulas are not evaluated`
          : cell.reason === 'formula_cell'
            ? `${expected}, typed in (the formula has no stored result)`
            : expected;
      issue(index, cell.reason, why);
      continue;
    }
    if (cell.fromFormula) {
      issue(
        index,
        'formula_cell',
        `${expectedValue(variable)} typed in; the formula's last result was used`,
        'warning',
      );
    }
    const problem = rangeProblem(variable, cell.value);
    if (problem !== undefined) issue(index, problem.reason, problem.expected);
    else values[variable.name] = cell.value;
  }
  return values;
}

function checkExtraCells(row: TableRow, width: number, issue: Issue): void {
  for (let extra = width; extra < row.cells.length; extra += 1) {
    if (!isBlank(row.cells[extra])) {
      issue(extra, 'extra_cells', 'no cell beyond the last header (check the separator and decimal commas)');
      return;
    }
  }
}

export async function checkObservations(check: ObservationCheck): Promise<CheckedObservations> {
  const { table } = check;
  const report = new ReportBuilder(table.fileName, table.sheet);
  const layout = layoutOf(check, report, table.format === 'json' ? 0 : 1);
  const rows: ObservationRow[] = [];
  const sources: number[] = [];
  const columns = new Map(
    layout.variables.map(({ index, variable }) => [
      variable.name,
      columnRef(index, table.headers[index] ?? ''),
    ]),
  );
  const unitIndex = layout.unit;
  const usable = layout.variables.length > 0 && (layout.period !== undefined || check.period !== null);
  if (unitIndex === undefined || !usable)
    return { rows, sources, columns, periods: [], report: report.build(0) };
  const firstRowOf = new Map<string, number>();
  let read = 0;
  for (const [index, row] of table.rows.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    if (row.cells.every(isBlank) || isNoteRow(row, unitIndex)) continue;
    read += 1;
    const errorsBefore = report.errorCount;
    const issue: Issue = (index, reason, expected, severity = 'error') => {
      const column = index === null ? null : columnRef(index, table.headers[index] ?? '');
      const value = index === null ? '' : cellText(row.cells[index]);
      report.add({ row: row.row, column, value, reason, expected, severity });
    };
    const unit = rowUnit(row, unitIndex, check.knownUnits, issue);
    const period = rowPeriod(row, layout.period, check.period, issue);
    if (unit !== undefined && period !== undefined) {
      const key = `${unit}\u0000${period}`;
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, row.row);
      else
        issue(
          unitIndex,
          'duplicate_row',
          `one row per unit and period; row ${first} has ${unit} for ${period} already`,
        );
    }
    checkExtraCells(row, table.headers.length, issue);
    const values = rowValues(row, layout.variables, issue);
    if (report.errorCount === errorsBefore) {
      for (const breach of ruleBreaches(check.rules ?? [], values)) {
        const at = layout.variables.find((v) => v.variable.name === breach.variable)?.index ?? null;
        const column = at === null ? null : columnRef(at, table.headers[at] ?? '');
        report.add({
          row: row.row,
          column,
          value: breach.value,
          reason: breach.reason,
          expected: breach.expected,
          severity: breach.severity,
        });
      }
    }
    if (report.errorCount === errorsBefore && unit !== undefined && period !== undefined) {
      rows.push({ unit, period, values });
      sources.push(row.row);
    }
  }
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return { rows, sources, columns, periods, report: report.build(read) };
}
