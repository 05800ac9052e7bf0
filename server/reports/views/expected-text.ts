/**
 * The 应为 / Expected column of an import report in the page's language. The parsers write what a
 * cell should hold in English (a few checks write "中文 / English"), and the report is stored that
 * way; the English page and the CSV show it as stored. The Chinese page says each kind of text the
 * parsers write again in Chinese, keeps the Chinese half of a bilingual text, and shows a dash for
 * a text it does not know rather than English (the problem column still names the problem).
 *
 * @example expectedText('an integer ≥ 0', 'zh') === '整数，≥ 0'
 */
import type { Lang } from '../i18n/lang.js';

type Rule = readonly [RegExp, (match: RegExpExecArray) => string];

const KIND: Readonly<Record<string, string>> = { 'an integer': '整数', 'a number': '数值' };

function value(text: string): string {
  const match = /^(an integer|a number)(?: (.+))?$/.exec(text);
  if (match === null) return text;
  const kind = KIND[match[1] ?? ''] ?? '';
  return match[2] === undefined ? kind : `${kind}，${match[2]}`;
}

const RULES: readonly Rule[] = [
  [/^(an integer|a number)(?: ([^;,]*[\d.∞]))?$/, (m) => value(m[0])],
  [/^(an integer|a number[^;]*?); formulas are not evaluated$/, (m) => `${value(m[1] ?? '')}；不计算公式`],
  [
    /^(.*), typed in \(the formula has no stored result\)$/,
    (m) => `${value(m[1] ?? '')}，请直接输入（公式没有保存的结果）`,
  ],
  [
    /^(.*) typed in; the formula's last result was used$/,
    (m) => `${value(m[1] ?? '')}，请直接输入（已采用公式最近一次的结果）`,
  ],
  [
    /^the code of a unit in the unit register \(import units first\)$/,
    () => '单位名册中的单位代码（请先导入单位名册）',
  ],
  [/^the code of a unit in this file or already imported$/, () => '本文件中或已导入的单位代码'],
  [/^the name in Chinese$/, () => '中文名称'],
  [/^the unit code$/, () => '单位代码'],
  [/^the period$/, () => '评估期'],
  [
    /^one of city, district, street, community/,
    () => '市、区/县、街道/乡镇、社区/村之一（city, district, street, community）',
  ],
  [/^another unit than the unit itself$/, () => '该单位以外的单位'],
  [/^letters, digits, "-" or "_", at most 64$/, () => '字母、数字、“-”或“_”，最多 64 个'],
  [
    /^one row per unit; row (\d+) has (.+) already$/,
    (m) => `每个单位一行；第 ${m[1] ?? ''} 行已有 ${m[2] ?? ''}`,
  ],
  [
    /^a unit of a higher level than (\w+) \(found (\w+)\)$/,
    (m) => `比 ${m[1] ?? ''} 层级更高的单位（实际为 ${m[2] ?? ''}）`,
  ],
  [/^text typed in, not a formula$/, () => '直接输入的文本，而非公式'],
  [/^text that does not start with =, \+, - or @$/, () => '不以 =、+、- 或 @ 开头的文本'],
  [/^a period such as (.+)$/, (m) => `评估期，如 ${(m[1] ?? '').replace(' or ', '、').replace(/, /g, '、')}`],
  [/^(.+), the period of this import$/, (m) => `${m[1] ?? ''}（本次导入的评估期）`],
  [/^no cell beyond the last header/, () => '最后一个表头之后不应有单元格（请检查分隔符和小数点逗号）'],
  [/^one column per field$/, () => '每个字段一列'],
  [/^a unit field \(the column is ignored\)$/, () => '单位名册的字段（此列已忽略）'],
  [/^a variable of the framework \(the column is ignored\)$/, () => '指标框架中的变量（此列已忽略）'],
  [/^one column only; column (\w+) is the same$/, (m) => `只能有一列；第 ${m[1] ?? ''} 列与之相同`],
  [/^at least one column for a variable of the framework$/, () => '至少一列指标框架中的变量'],
  [/^a period｜时期 column, or a declared period$/, () => '“时期”列，或在导入时选定评估期'],
  [/^a ([\w]+)｜(.+) column$/, (m) => `“${m[2] ?? ''}”列（${m[1] ?? ''}）`],
];

/** The Chinese half of "中文 / English" or "中文 English" texts the checks write. */
const CJK = /[\u3400-\u9fff]/;

function inChinese(expected: string): string {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(expected);
    if (match !== null) return say(match);
  }
  const [first] = expected.split(' / ');
  if (first !== undefined && first !== expected && CJK.test(first)) return first;
  return '—';
}

function inEnglish(expected: string): string {
  const halves = expected.split(' / ');
  return halves.length === 2 && CJK.test(halves[0] ?? '') && !CJK.test(halves[1] ?? '')
    ? (halves[1] ?? '')
    : expected;
}

export function expectedText(expected: string, lang: Lang): string {
  if (expected === '') return '';
  return lang === 'zh' ? inChinese(expected) : inEnglish(expected);
}
