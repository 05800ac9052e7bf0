/**
 * Checks a unit register table and turns it into units for the store: codes present, well
 * formed and unique; a Chinese name; a level the tree knows (Chinese words understood); a parent
 * that exists (in the file or already in the store) and sits at a higher level; attributes in
 * range (households and population are counts; the old-compound share is 0–1, "35%" accepted).
 * Plain snake_case columns become extra attributes; other unknown columns are warnings.
 */
import { UNIT_LEVELS, type Unit, type UnitAttributes, type UnitLevel } from '../store/models/unit.js';
import type { CellIssue, IssueColumn, ValidationReport } from '../store/models/validation-report.js';
import { rangeProblem, expectedValue } from './check-range.js';
import { headerMatcher } from './header-match.js';
import { isUnitCode, unitCodeOf } from './key-values.js';
import { readNumber } from './read-number.js';
import { columnRef, ReportBuilder } from './report-builder.js';
import { cellText, isBlank, type Cell, type Table, type TableRow } from './table.js';
import {
  EXTRA_ATTRIBUTE,
  levelOf,
  NUMERIC_ATTRIBUTES,
  UNIT_TARGETS,
  urbanRuralOf,
  type UnitField,
} from './unit-columns.js';

export interface UnitCheck {
  readonly table: Table;
  /** Levels of the units already in the store, by code (parents may be there). */
  readonly existing: ReadonlyMap<string, UnitLevel>;
}

export interface CheckedUnits {
  readonly units: Unit[];
  readonly report: ValidationReport;
}

type Issue = (index: number | undefined, reason: CellIssue['reason'], expected: string) => void;

const FORMULA_START = /^[=+\-@]/;

interface Layout {
  readonly fields: ReadonlyMap<UnitField, number>;
  readonly extras: ReadonlyMap<string, number>;
}

function layoutOf(table: Table, report: ReportBuilder, headerRow: number): Layout {
  const match = headerMatcher(UNIT_TARGETS);
  const fields = new Map<UnitField, number>();
  const extras = new Map<string, number>();
  table.headers.forEach((header, index) => {
    const key = match(header) as UnitField | undefined;
    const column = columnRef(index, header);
    if (key !== undefined && !fields.has(key)) fields.set(key, index);
    else if (key !== undefined) {
      report.add({
        row: headerRow,
        column,
        value: header,
        reason: 'duplicate_column',
        expected: 'one column per field',
        severity: 'error',
      });
    } else if (EXTRA_ATTRIBUTE.test(header) && !extras.has(header)) extras.set(header, index);
    else if (header !== '') {
      report.add({
        row: headerRow,
        column,
        value: header,
        reason: 'unknown_column',
        expected: 'a unit field (the column is ignored)',
        severity: 'warning',
      });
    }
  });
  for (const [field, words] of [
    ['code', 'code｜单位代码'],
    ['name_zh', 'name｜名称'],
    ['level', 'level｜层级'],
  ] as const) {
    if (!fields.has(field))
      report.add({
        row: headerRow,
        column: null,
        value: '',
        reason: 'missing_column',
        expected: `a ${words} column`,
        severity: 'error',
      });
  }
  return { fields, extras };
}

/** Text of a cell, or undefined (with an issue) when it looks like a formula. */
function textOf(cell: Cell | undefined, index: number | undefined, issue: Issue): string | undefined {
  const text = cellText(cell).trim();
  if (typeof cell === 'object' && cell !== null) issue(index, 'formula_cell', 'text typed in, not a formula');
  else if (FORMULA_START.test(text))
    issue(index, 'formula_text', 'text that does not start with =, +, - or @');
  else return text;
  return undefined;
}

function numericAttribute(
  name: string,
  cell: Cell | undefined,
  index: number,
  issue: Issue,
): number | undefined {
  const variable = NUMERIC_ATTRIBUTES[name];
  if (variable === undefined) return undefined;
  const percent = typeof cell === 'string' && name === 'old_compound_share' && /%\s*$/.test(cell);
  const read = readNumber(percent ? cell.replace(/%\s*$/, '') : cell);
  if (read.kind === 'empty') return undefined;
  if (read.kind === 'invalid') {
    issue(index, read.reason, expectedValue(variable));
    return undefined;
  }
  const value = percent ? read.value / 100 : read.value;
  const problem = rangeProblem(variable, value);
  if (problem !== undefined)
    issue(
      index,
      problem.reason,
      name === 'old_compound_share' ? `${problem.expected} (35% is 0.35)` : problem.expected,
    );
  return problem === undefined ? value : undefined;
}

function attributesOf(
  row: TableRow,
  fields: ReadonlyMap<UnitField, number>,
  extras: ReadonlyMap<string, number>,
  issue: Issue,
): UnitAttributes {
  const attributes: Record<string, string | number> = {};
  const urbanIndex = fields.get('urban_rural');
  if (urbanIndex !== undefined && !isBlank(row.cells[urbanIndex])) {
    const value = urbanRuralOf(cellText(row.cells[urbanIndex]));
    if (value === undefined) issue(urbanIndex, 'invalid_value', 'urban or rural (城镇 or 农村)');
    else attributes.urban_rural = value;
  }
  for (const name of Object.keys(NUMERIC_ATTRIBUTES)) {
    const index = fields.get(name as UnitField);
    if (index === undefined) continue;
    const value = numericAttribute(name, row.cells[index], index, issue);
    if (value !== undefined) attributes[name] = value;
  }
  const peerIndex = fields.get('peer_group');
  const peer = peerIndex === undefined ? undefined : textOf(row.cells[peerIndex], peerIndex, issue);
  if (peer !== undefined && peer !== '') attributes.peer_group = peer;
  for (const [name, index] of extras) {
    const read = readNumber(row.cells[index]);
    if (read.kind === 'number') attributes[name] = read.value;
    else if (read.kind === 'invalid') {
      const text = textOf(row.cells[index], index, issue);
      if (text !== undefined && text !== '') attributes[name] = text;
    }
  }
  return attributes;
}

/** One row's unit, or undefined (with issues) when a cell is bad; `level` as far as it could be read. */
function unitOfRow(
  row: TableRow,
  code: string | undefined,
  { fields, extras }: Layout,
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

export function checkUnits(check: UnitCheck): CheckedUnits {
  const { table } = check;
  const report = new ReportBuilder(table.fileName, table.sheet);
  const layout = layoutOf(table, report, table.format === 'json' ? 0 : 1);
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
  for (const row of table.rows) {
    if (row.cells.every(isBlank)) continue;
    read += 1;
    const errorsBefore = report.errorCount;
    const issue: Issue = (index, reason, expected) => {
      const value = index === undefined ? '' : cellText(row.cells[index]);
      report.add({ row: row.row, column: column(index), value, reason, expected, severity: 'error' });
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
