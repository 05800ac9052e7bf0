/**
 * The unit page's paragraph on performance beyond expectation (issue 16): "按其结构条件预期得分 X，
 * 实际高/低 Y 分", with the regression it comes from (n, attributes, R², standardised difference),
 * or why the unit has no expected score. Null for units above the base level and for evaluations
 * without expected scores.
 *
 * @example expectedUnit(context, 2, unit, 'zh')?.sentence // '按其结构条件预期得分 58.1，实际高 3.2 分。'
 */
import { cellAt } from '../context/compact-expected.js';
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { attributeList, attributeName, expectedRow } from './expected-cell.js';

export interface ExpectedUnitView {
  readonly sentence: string;
  /** The regression behind the figure; empty when the unit has none. */
  readonly note: string;
}

// One formatter per language and number of decimals: making one costs more than the whole sentence.
const DECIMALS = new Map<string, Intl.NumberFormat>();
const decimals = (lang: Lang, digits: number): Intl.NumberFormat => {
  const key = `${lang}${digits}`;
  let format = DECIMALS.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    DECIMALS.set(key, format);
  }
  return format;
};

export function expectedUnit(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): ExpectedUnitView | null {
  const section = context.expected;
  const row = expectedRow(context, period, unit);
  if (section === null || row < 0) return null;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const excluded = section.excluded[context.units.codes[unit] ?? ''];
  if (excluded !== undefined) {
    const attribute = attributeName(lang, excluded.attribute, false);
    const template =
      excluded.reason === 'missing_attribute' ? t.expectedUnitMissingAttribute : t.expectedUnitNotPositive;
    return { sentence: fill(template, { attribute }), note: '' };
  }
  const fit = section.fits[period];
  const expected = cellAt(section.expected, row);
  const difference = cellAt(section.difference, row);
  if (fit === undefined || fit.r2 === null) return { sentence: t.expectedUnitNoFit, note: '' };
  if (expected === null || difference === null) return { sentence: t.expectedUnitNoScore, note: '' };
  const tenths = Math.round(difference * 10);
  const template = tenths > 0 ? t.expectedUnitHigher : tenths < 0 ? t.expectedUnitLower : t.expectedUnitSame;
  const z = cellAt(section.standardised, row);
  return {
    sentence: fill(template, {
      expected: format.score(expected),
      difference: format.score(Math.abs(difference)),
    }),
    note: fill(t.expectedUnitFit, {
      n: format.count(fit.n),
      attributes: attributeList(context, lang),
      r2: decimals(lang, 3).format(fit.r2),
      z: z === null ? '—' : format.signed(z),
    }),
  };
}
