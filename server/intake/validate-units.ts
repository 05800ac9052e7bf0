/**
 * Checks a unit register table and turns it into units for the store: codes present, well
 * formed and unique; a Chinese name; a level the tree knows (Chinese words understood); a parent
 * that exists (in the file or already in the store) and sits at a higher level; attributes in
 * range (households and population are counts; the old-compound share is 0–1, "35%" accepted).
 * Coded values (level, urban/rural, peer group) may be a code or its Chinese or English label; an
 * unknown peer group is a warning. Plain snake_case columns become extra attributes; other unknown
 * columns are warnings. Rows are
 * checked in slices, with a pause for other requests between them.
 */
import { UNIT_LEVELS, type Unit, type UnitLevel } from '../domain/unit.js';
import type { CellIssue, IssueColumn, ValidationReport } from '../domain/validation-report.js';
import { isUnitCode, unitCodeOf } from './key-values.js';
import { columnRef, ReportBuilder } from './report-builder.js';
import { cellText, isBlank, type TableRow, type Table } from './table.js';
import { attributesOf, textOf, type Issue } from './unit-attributes.js';
import { levelOf } from './unit-columns.js';
import { unitLayoutOf, type UnitLayout } from './unit-layout.js';
import { ROWS_PER_SLICE, yieldToEventLoop } from './yield-to-event-loop.js';

export interface UnitCheck {
  readonly table: Table;
  /** Levels of the units already in the store, by code (parents may be there). */
  readonly existing: ReadonlyMap<string, UnitLevel>;
}

export interface CheckedUnits {
  readonly units: Unit[];
  readonly report: ValidationReport;
}

/** One row's unit, or undefined (with issues) when a cell is bad; `level` as far as it could be read. */
function unitOfRow(
  row: TableRow,
  code: string | undefined,
  { fields, extras }: UnitLayout,
  issue: Issue,
): { unit?: Unit; level?: UnitLevel } {
  const zhIndex = fields.get('name_zh');
  const zh = textOf(row.cells[zhIndex ?? -1], zhIndex, issue);
  if (zh === '') issue(zhIndex, 'missing_key', 'the name in Chinese');
  const enIndex = fields.get('name_en');
  const en = enIndex === undefined ? '' : textOf(row.cells[enIndex], enIndex, issue);
  const levelIndex = fields.get('level');
  const level = levelOf(cellText(row.cells[levelIndex ?? -1]));
  if (level === undefined) {
    issue(levelIndex, 'invalid_value', `one of ${UNIT_LEVELS.join(', ')} (市, 区/县, 街道/乡镇, 社区/村)`);
  }
  const parentIndex = fields.get('parent');
  const parent = parentIndex === undefined ? '' : unitCodeOf(row.cells[parentIndex]);
  if (parent !== '' && parent === code)
    issue(parentIndex, 'invalid_value', 'another unit than the unit itself');
  const attributes = attributesOf(row, fields, extras, issue);
  if (code === undefined || zh === undefined || zh === '' || en === undefined || level === undefined) {
    return level === undefined ? {} : { level };
  }
  const unit = {
    code,
    name: { zh, en: en === '' ? zh : en },
    level,
    parent: parent === '' ? null : parent,
    attributes,
  };
  return { unit, level };
}

/** The row's unit code if it is present, well formed and not seen before. */
function codeOfRow(
  row: TableRow,
  index: number,
  firstRowOf: Map<string, number>,
  issue: Issue,
): string | undefined {
  const code = unitCodeOf(row.cells[index]);
  const first = firstRowOf.get(code);
  if (code === '') issue(index, 'missing_key', 'the unit code');
  else if (!isUnitCode(code)) issue(index, 'invalid_value', 'letters, digits, "-" or "_", at most 64');
  else if (first !== undefined)
    issue(index, 'duplicate_row', `one row per unit; row ${first} has ${code} already`);
  else {
    firstRowOf.set(code, row.row);
    return code;
  }
  return undefined;
}

/** Why a parent is not acceptable for a unit, or undefined when it is. */
function parentProblem(
  unit: Unit,
  levels: ReadonlyMap<string, UnitLevel>,
): [CellIssue['reason'], string] | undefined {
  if (unit.parent === null) return undefined;
  const parentLevel = levels.get(unit.parent);
  if (parentLevel === undefined)
    return ['unknown_parent', 'the code of a unit in this file or already imported'];
  if (UNIT_LEVELS.indexOf(parentLevel) >= UNIT_LEVELS.indexOf(unit.level)) {
    return ['invalid_value', `a unit of a higher level than ${unit.level} (found ${parentLevel})`];
  }
  return undefined;
}

export async function checkUnits(check: UnitCheck): Promise<CheckedUnits> {
  const { table } = check;
  const report = new ReportBuilder(table.fileName, table.sheet);
  const layout = unitLayoutOf(table, report, table.format === 'json' ? 0 : 1);
  const codeIndex = layout.fields.get('code');
  if (codeIndex === undefined || !layout.fields.has('name_zh') || !layout.fields.has('level')) {
    return { units: [], report: report.build(0) };
  }
  const column = (index: number | undefined): IssueColumn | null =>
    index === undefined ? null : columnRef(index, table.headers[index] ?? '');
  const drafts: { unit: Unit; row: TableRow }[] = [];
  // Every readable code and level, bad rows included, so a child is not blamed for its parent's typo.
  const levels = new Map(check.existing);
  const firstRowOf = new Map<string, number>();
  let read = 0;
  for (const [index, row] of table.rows.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    if (row.cells.every(isBlank)) continue;
    read += 1;
    const errorsBefore = report.errorCount;
    const issue: Issue = (index, reason, expected, severity = 'error') => {
      const value = index === undefined ? '' : cellText(row.cells[index]);
      report.add({ row: row.row, column: column(index), value, reason, expected, severity });
    };
    const code = codeOfRow(row, codeIndex, firstRowOf, issue);
    const { unit, level } = unitOfRow(row, code, layout, issue);
    if (code !== undefined && level !== undefined) levels.set(code, level);
    if (unit !== undefined && report.errorCount === errorsBefore) drafts.push({ unit, row });
  }
  const units: Unit[] = [];
  const parentColumn = column(layout.fields.get('parent'));
  for (const { unit, row } of drafts) {
    const problem = parentProblem(unit, levels);
    if (problem === undefined) units.push(unit);
    else {
      const [reason, expected] = problem;
      report.add({
        row: row.row,
        column: parentColumn,
        value: unit.parent ?? '',
        reason,
        expected,
        severity: 'error',
      });
    }
  }
  return { units, report: report.build(read) };
}
