/**
 * Checks a unit register table and turns it into units for the store: codes present, well
 * formed and unique; a Chinese name; a level the tree knows (Chinese words understood); a parent
 * that exists (in the file or already in the store) and sits at a higher level; attributes in
 * range (households and population are counts; the old-compound share is 0–1, "35%" accepted).
 * Plain snake_case columns become extra attributes; other unknown columns are warnings.
 */
import { UNIT_LEVELS, type Unit, type UnitAttributes, type UnitLevel } from '../store/models/unit.js';
import type { CellIssue, ValidationReport } from '../store/models/validation-report.js';
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

function layoutOf(
  table: Table,
  report: ReportBuilder,
  headerRow: number,
): { fields: Map<UnitField, number>; extras: Map<string, number> } {
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
  fields: Map<UnitField, number>,
  extras: Map<string, number>,
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

export function checkUnits(check: UnitCheck): CheckedUnits {
  const { table } = check;
  const report = new ReportBuilder(table.fileName, table.sheet);
  const headerRow = table.format === 'json' ? 0 : 1;
  const { fields, extras } = layoutOf(table, report, headerRow);
  const drafts: { unit: Unit; row: TableRow }[] = [];
  const firstRowOf = new Map<string, number>();
  let read = 0;
  const codeIndex = fields.get('code');
  if (codeIndex === undefined || !fields.has('name_zh') || !fields.has('level'))
    return { units: [], report: report.build(0) };
  for (const row of table.rows) {
    if (row.cells.every(isBlank)) continue;
    read += 1;
    const errorsBefore = report.errorCount;
    const issue: Issue = (index, reason, expected) => {
      const column = index === undefined ? null : columnRef(index, table.headers[index] ?? '');
      report.add({
        row: row.row,
        column,
        value: index === undefined ? '' : cellText(row.cells[index]),
        reason,
        expected,
        severity: 'error',
      });
    };
    const code = unitCodeOf(row.cells[codeIndex]);
    if (code === '') issue(codeIndex, 'missing_key', 'the unit code');
    else if (!isUnitCode(code)) issue(codeIndex, 'invalid_value', 'letters, digits, "-" or "_", at most 64');
    else if (firstRowOf.has(code))
      issue(
        codeIndex,
        'duplicate_row',
        `one row per unit; row ${firstRowOf.get(code) ?? 0} has ${code} already`,
      );
    else firstRowOf.set(code, row.row);
    const zhIndex = fields.get('name_zh');
    const zh = textOf(row.cells[zhIndex ?? -1], zhIndex, issue);
    if (zh === '') issue(zhIndex, 'missing_key', 'the name in Chinese');
    const enIndex = fields.get('name_en');
    const en = enIndex === undefined ? '' : textOf(row.cells[enIndex], enIndex, issue);
    const levelIndex = fields.get('level');
    const level = levelOf(cellText(row.cells[levelIndex ?? -1]));
    if (level === undefined)
      issue(levelIndex, 'invalid_value', `one of ${UNIT_LEVELS.join(', ')} (市, 区/县, 街道/乡镇, 社区/村)`);
    const parentIndex = fields.get('parent');
    const parentCode = parentIndex === undefined ? '' : unitCodeOf(row.cells[parentIndex]);
    if (parentCode !== '' && parentCode === code)
      issue(parentIndex, 'invalid_value', 'another unit than the unit itself');
    const attributes = attributesOf(row, fields, extras, issue);
    if (report.errorCount === errorsBefore && zh !== undefined && en !== undefined && level !== undefined) {
      const name = { zh, en: en === '' ? zh : en };
      drafts.push({
        unit: { code, name, level, parent: parentCode === '' ? null : parentCode, attributes },
        row,
      });
    }
  }
  const levelOfCode = new Map(check.existing);
  for (const { unit } of drafts) levelOfCode.set(unit.code, unit.level);
  const units: Unit[] = [];
  const parentIndex = fields.get('parent');
  for (const { unit, row } of drafts) {
    const issue = (reason: CellIssue['reason'], expected: string): void => {
      const column =
        parentIndex === undefined ? null : columnRef(parentIndex, table.headers[parentIndex] ?? '');
      report.add({ row: row.row, column, value: unit.parent ?? '', reason, expected, severity: 'error' });
    };
    if (unit.parent === null) {
      units.push(unit);
      continue;
    }
    const parentLevel = levelOfCode.get(unit.parent);
    if (parentLevel === undefined)
      issue('unknown_parent', 'the code of a unit in this file or already imported');
    else if (UNIT_LEVELS.indexOf(parentLevel) >= UNIT_LEVELS.indexOf(unit.level))
      issue('invalid_value', `a unit of a higher level than ${unit.level} (found ${parentLevel})`);
    else units.push(unit);
  }
  return { units, report: report.build(read) };
}
