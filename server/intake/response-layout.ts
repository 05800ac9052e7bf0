/**
 * Which column of a respondent file is what: the unit code, the period, the design weight and each
 * survey item the framework declares. A respondent file holds nothing else: any other column is an
 * error naming it, because a survey file is where personal data (names, ID numbers, phone numbers,
 * addresses) would otherwise slip in, and Zhili keeps none.
 */
import { headerMatcher, type ColumnTarget } from './header-match.js';
import { matchedColumns, missingColumn, reportMissingKeyColumns } from './header-walk.js';
import { KEY_TARGETS, PERIOD_KEY, UNIT_KEY } from './key-columns.js';
import type { ReportBuilder } from './report-builder.js';
import type { SurveyItem } from './survey-items.js';
import type { Table } from './table.js';

export interface ResponseLayout {
  readonly unit: number | undefined;
  readonly period: number | undefined;
  readonly weight: number | undefined;
  readonly items: readonly { readonly index: number; readonly item: SurveyItem }[];
}

const WEIGHT_KEY = 'weight';
const ITEM = 'item:';

const WEIGHT_TARGET: ColumnTarget = {
  key: WEIGHT_KEY,
  aliases: ['weight', 'design weight', 'design_weight', '权重', '设计权重', '抽样权重'],
};

export function responseLayout(
  table: Table,
  items: readonly SurveyItem[],
  declaredPeriod: string | null,
  report: ReportBuilder,
  headerRow: number,
): ResponseLayout {
  const byName = new Map(items.map((item) => [item.name, item]));
  const match = headerMatcher([
    ...KEY_TARGETS,
    WEIGHT_TARGET,
    ...items.map((item) => ({ key: `${ITEM}${item.name}`, aliases: [item.name] })),
  ]);
  const declared = ['unit_code', 'period', 'weight', ...items.map((item) => item.name)].join(', ');
  const columns = matchedColumns(table.headers, match, report, headerRow, (header, column) => {
    if (header.trim() === '') return;
    report.add({
      row: headerRow,
      column,
      value: header,
      reason: 'undeclared_column',
      expected: `only the columns the survey definitions declare (${declared}); personal data is not accepted: remove the column (只接受问卷定义声明的列，不接受个人信息，请删除该列)`,
      severity: 'error',
    });
  });
  const itemColumns = [...columns].flatMap(([key, index]) => {
    const item = key.startsWith(ITEM) ? byName.get(key.slice(ITEM.length)) : undefined;
    return item === undefined ? [] : [{ index, item }];
  });
  const layout: ResponseLayout = {
    unit: columns.get(UNIT_KEY),
    period: columns.get(PERIOD_KEY),
    weight: columns.get(WEIGHT_KEY),
    items: itemColumns,
  };
  reportMissingKeyColumns(layout, declaredPeriod, report, headerRow);
  if (layout.items.length === 0)
    report.add(
      missingColumn(headerRow, `at least one survey item column (${items.map((i) => i.name).join(', ')})`),
    );
  return layout;
}
