/**
 * A validation report as a CSV file for download: UTF-8 with a byte-order mark (so Excel shows
 * the Chinese), one line per issue with a bilingual explanation. Every text cell that a
 * spreadsheet could take for a formula (=, +, -, @, tab or carriage return first) is prefixed
 * with an apostrophe and every field with a line break is quoted (safe-csv.ts), so opening the
 * report never runs anything a bad file smuggled in.
 *
 * @example neutralise('=HYPERLINK("http://x")') === "'=HYPERLINK(\"http://x\")"
 */
import { safeCsv } from './safe-csv.js';
import type { IssueReason, ValidationReport } from '../domain/validation-report.js';

const REASONS: Readonly<Record<IssueReason, string>> = {
  unknown_unit: '单位代码不在名册中 unknown unit',
  unknown_parent: '上级单位不存在 unknown parent unit',
  unknown_column: '未知列（已忽略） unknown column (ignored)',
  duplicate_column: '列重复 duplicate column',
  missing_column: '缺少必需的列 missing column',
  duplicate_row: '重复的行 duplicate row',
  missing_key: '缺少代码或时期 missing key value',
  invalid_period: '时期格式不对 invalid period',
  period_mismatch: '时期与导入不一致 period differs from the import',
  not_a_number: '不是数值 not a number',
  not_an_integer: '不是整数 not an integer',
  below_minimum: '低于下限 below the minimum',
  above_maximum: '高于上限 above the maximum',
  negative_count: '计数为负 negative count',
  formula_text: '像公式的文本 text that looks like a formula',
  formula_cell: '公式单元格 formula cell',
  invalid_value: '取值无效 invalid value',
  extra_cells: '超出表头的单元格 cells beyond the header',
  rule_breach: '违反指标的数据规则 breaks an indicator rule',
  out_of_valid_range: '指标值超出有效范围 indicator value out of its valid range',
  jump: '与往期相比跳变 jump from earlier periods',
  undeclared_column: '问卷未声明的列（不接受个人信息） column no survey declares (no personal data)',
  off_scale: '答案不在量表上 answer not on the scale',
  invalid_weight: '权重须为正数 weight must be positive',
};

export function describeReason(reason: IssueReason): string {
  return REASONS[reason];
}

export { neutralise } from './safe-csv.js';

export const REPORT_HEADER = [
  '行 row',
  '列 column',
  '表头 header',
  '值 value',
  '问题 problem',
  '期望 expected',
  '级别 severity',
];

export function reportCsv(report: ValidationReport): string {
  const lines = report.issues.map((issue) => [
    issue.row,
    issue.column?.letter ?? '',
    issue.column?.header ?? '',
    issue.value,
    describeReason(issue.reason),
    issue.expected,
    issue.severity === 'error' ? '错误 error' : '警告 warning',
  ]);
  if (report.omitted > 0)
    lines.push([
      '',
      '',
      '',
      '',
      `另有 ${report.omitted} 个问题未列出 ${report.omitted} more issues not listed`,
      '',
      '',
    ]);
  return safeCsv([REPORT_HEADER, ...lines], { windows: true });
}
