/**
 * Which column of a unit register is which field (code, names, level, parent, attributes); plain
 * snake_case headers become extra attributes (never a key the store refuses, such as constructor),
 * other unknown headers are warnings, and the code, Chinese name and level columns are required.
 */
import { badKeyReason } from '../validation/safe-keys.js';
import { headerMatcher } from './header-match.js';
import { columnRef, type ReportBuilder } from './report-builder.js';
import type { Table } from './table.js';
import { EXTRA_ATTRIBUTE, UNIT_TARGETS, type UnitField } from './unit-columns.js';

export interface UnitLayout {
  readonly fields: ReadonlyMap<UnitField, number>;
  readonly extras: ReadonlyMap<string, number>;
}

export function unitLayoutOf(table: Table, report: ReportBuilder, headerRow: number): UnitLayout {
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
    } else if (EXTRA_ATTRIBUTE.test(header) && badKeyReason(header) === undefined && !extras.has(header)) {
      // "constructor" and "prototype" look like snake_case but are never stored as keys.
      extras.set(header, index);
    } else if (header !== '') {
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
