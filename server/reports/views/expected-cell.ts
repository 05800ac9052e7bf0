/**
 * A unit's score against the score expected from its structural attributes (issue 16), as the
 * ranking table's "与预期之差" column and the unit page's sentence show it: the stored expected
 * score and difference of the unit's row, signed ("高于预期 +3.2" / "低于预期 -1.5"), with the
 * expected score as a title; for a base unit without one, why. Only base units (communities and
 * villages) have expected scores.
 *
 * @example expectedCell(context, 2, unit, 'zh') // { text: '高于预期 +3.2', title: '按结构条件预期得分 58.1', tone: 'above' }
 */
import { cellAt } from '../context/compact-expected.js';
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';

export interface ExpectedCell {
  readonly text: string;
  readonly title: string;
  readonly tone: 'above' | 'below' | 'on' | 'none';
}

const NONE: ExpectedCell = { text: '—', title: '', tone: 'none' };

/** The stored row of a report unit in a period, or -1 when it has no expected-score row. */
export function expectedRow(context: ReportContext, period: number, unit: number): number {
  // The report units start with the results' base units, in their order (report-units.ts).
  if (context.expected === null || !(unit >= 0 && unit < context.units.baseCount)) return -1;
  return period * context.results.units.length + unit;
}

/** The difference actual − expected of a report unit (NaN when it has none): the sort key. */
export function expectedDifference(context: ReportContext, period: number, unit: number): number {
  const row = expectedRow(context, period, unit);
  return row < 0 ? Number.NaN : (context.expected?.difference[row] ?? Number.NaN);
}

function tone(difference: number): ExpectedCell['tone'] {
  const tenths = Math.round(difference * 10);
  return tenths > 0 ? 'above' : tenths < 0 ? 'below' : 'on';
}

export function expectedCell(context: ReportContext, period: number, unit: number, lang: Lang): ExpectedCell {
  const row = expectedRow(context, period, unit);
  const section = context.expected;
  const expected = row < 0 || section === null ? null : cellAt(section.expected, row);
  const difference = row < 0 || section === null ? null : cellAt(section.difference, row);
  if (expected === null || difference === null) return NONE;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const kind = tone(difference);
  const template = kind === 'above' ? t.expectedAbove : kind === 'below' ? t.expectedBelow : t.expectedOn;
  return {
    text: fill(template, { difference: format.signed(difference) }),
    title: fill(t.expectedScoreTitle, { expected: format.score(expected) }),
    tone: kind,
  };
}

/** An attribute's name in the page's language, "ln(…)" when it entered on a log scale. */
export function attributeName(lang: Lang, attribute: string, log: boolean): string {
  const name = labelOf(lang, 'expectedAttr', attribute);
  return log ? fill(labelsFor(lang).expectedLogOf, { attribute: name }) : name;
}

export function attributeList(context: ReportContext, lang: Lang): string {
  const section = context.expected;
  if (section === null) return '';
  const names = section.attributes.map((a) => attributeName(lang, a, section.log.includes(a)));
  return names.join(lang === 'zh' ? '、' : ', ');
}
