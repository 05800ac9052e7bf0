/**
 * Which column of a respondent file is what: the unit code, the period, the design weight and each
 * survey item the framework declares. A respondent file holds nothing else: any other column is an
 * error naming it, because a survey file is where personal data (names, ID numbers, phone numbers,
 * addresses) would otherwise slip in, and Zhili keeps none.
 */
import type { CellIssue } from '../domain/validation-report.js';
import { headerMatcher, type ColumnTarget } from './header-match.js';
import { KEY_TARGETS, PERIOD_KEY, UNIT_KEY } from './key-columns.js';
import { columnRef, type ReportBuilder } from './report-builder.js';
import type { SurveyItem } from './survey-items.js';
import type { Table } from './table.js';

export interface ResponseLayout {
  readonly unit?: number;
  readonly period?: number;
  readonly weight?: number;
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
  const taken = new Map<string, number>();
  const layout: {
    unit?: number;
    period?: number;
    weight?: number;
    items: ResponseLayout['items'][number][];
  } = {
    items: [],
  };
  table.headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const column = columnRef(index, header);
    const key = match(header);
    if (key === undefined) {
      report.add({
        row: headerRow,
        column,
        value: header,
        reason: 'undeclared_column',
        expected: `only the columns the survey definitions declare (${declared}); personal data is not accepted: remove the column (只接受问卷定义声明的列，不接受个人信息，请删除该列)`,
        severity: 'error',
      });
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
    if (key === UNIT_KEY) layout.unit = index;
    else if (key === PERIOD_KEY) layout.period = index;
    else if (key === WEIGHT_KEY) layout.weight = index;
    else {
      const item = byName.get(key.slice(ITEM.length));
      if (item !== undefined) layout.items.push({ index, item });
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
  if (layout.period === undefined && declaredPeriod === null)
    report.add(missing('a period｜时期 column, or a declared period'));
  if (layout.items.length === 0)
    report.add(missing(`at least one survey item column (${items.map((i) => i.name).join(', ')})`));
  return layout;
}
