/**
 * Which column of an observations table is what: the unit code, the period, and each variable of
 * the framework (matched by name, template header or label). Unknown columns are warnings,
 * repeated ones and missing key columns errors, all reported on the header row.
 */
import { headerMatcher, variableAliases } from './header-match.js';
import { matchedColumns, missingColumn, reportMissingKeyColumns } from './header-walk.js';
import type { IntakeVariable } from './intake-variable.js';
import { KEY_TARGETS, NAME_TARGET, PERIOD_KEY, UNIT_KEY } from './key-columns.js';
import type { ReportBuilder } from './report-builder.js';
import type { ObservationCheck } from './validate-observations.js';

export interface Layout {
  readonly unit: number | undefined;
  readonly period: number | undefined;
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
  const columns = matchedColumns(table.headers, match, report, headerRow, (header, column) => {
    if (header === '') return;
    report.add({
      row: headerRow,
      column,
      value: header,
      reason: 'unknown_column',
      expected: 'a variable of the framework (the column is ignored)',
      severity: 'warning',
    });
  });
  const variableColumns = [...columns].flatMap(([key, index]) => {
    const variable = key.startsWith(VARIABLE) ? byName.get(key.slice(VARIABLE.length)) : undefined;
    return variable === undefined ? [] : [{ index, variable }];
  });
  // A prefilled template's unit names (NAME_KEY) are for the reader only.
  const layout: Layout = {
    unit: columns.get(UNIT_KEY),
    period: columns.get(PERIOD_KEY),
    variables: variableColumns,
  };
  reportMissingKeyColumns(layout, check.period, report, headerRow);
  if (layout.variables.length === 0)
    report.add(missingColumn(headerRow, 'at least one column for a variable of the framework'));
  return layout;
}
