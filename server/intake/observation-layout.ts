/**
 * Which column of an observations table is what: the unit code, the period, and each variable of
 * the framework (matched by name, template header or label). Unknown columns are warnings,
 * repeated ones and missing key columns errors, all reported on the header row.
 */
import type { CellIssue } from '../domain/validation-report.js';
import { headerMatcher, variableAliases } from './header-match.js';
import type { IntakeVariable } from './intake-variable.js';
import { KEY_TARGETS, NAME_KEY, NAME_TARGET, PERIOD_KEY, UNIT_KEY } from './key-columns.js';
import { columnRef, type ReportBuilder } from './report-builder.js';
import type { ObservationCheck } from './validate-observations.js';

export interface Layout {
  readonly unit?: number;
  readonly period?: number;
  readonly variables: readonly { readonly index: number; readonly variable: IntakeVariable }[];
}

const VARIABLE = 'variable:';

export function layoutOf(
  check: Pick<ObservationCheck, 'table' | 'variables' | 'period'>,
  report: ReportBuilder,
  headerRow: number,
): Layout {
  const { table, variables } = check;
  const byName = new Map(variables.map((v) => [v.name, v]));
  const match = headerMatcher([
    ...KEY_TARGETS,
    NAME_TARGET,
    ...variables.map((v) => ({ key: `${VARIABLE}${v.name}`, aliases: variableAliases(v) })),
  ]);
  const taken = new Map<string, number>();
  const layout: { unit?: number; period?: number; variables: { index: number; variable: IntakeVariable }[] } =
    {
      variables: [],
    };
  table.headers.forEach((header, index) => {
    const column = columnRef(index, header);
    const key = match(header);
    if (key === undefined) {
      if (header !== '') {
        report.add({
          row: headerRow,
          column,
          value: header,
          reason: 'unknown_column',
          expected: 'a variable of the framework (the column is ignored)',
          severity: 'warning',
        });
      }
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
    // A prefilled template's unit names are for the reader only.
    if (key === NAME_KEY) return;
    if (key === UNIT_KEY) layout.unit = index;
    else if (key === PERIOD_KEY) layout.period = index;
    else {
      const variable = byName.get(key.slice(VARIABLE.length));
      if (variable !== undefined) layout.variables.push({ index, variable });
    }
  });
  const missing = (expected: string): CellIssue => ({
    row: headerRow,
    column: null,
    value: '',
    reason: 'missing_column',
    expected,
    severity: 'error',
  });
  if (layout.unit === undefined) report.add(missing('a unit_code｜单位代码 column'));
  if (layout.period === undefined && check.period === null)
    report.add(missing('a period｜时期 column, or a declared period'));
  if (layout.variables.length === 0)
    report.add(missing('at least one column for a variable of the framework'));
  return layout;
}
