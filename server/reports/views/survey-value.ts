/**
 * One survey estimate as a page shows it: a share as a percentage with its 95 % interval
 * ("78.3% (72.1%–83.0%)"), a mean with two decimals ("3.74 (3.65–3.83)"), and the respondents
 * ("n = 45", with the effective n when weights make it differ); a withheld estimate as
 * "样本不足 / sample too small". Formats stored figures only.
 *
 * @example surveyValue('en', 'share', 0.78, 0.72, 0.83, null).value === '78.0% (72.0%–83.0%)'
 */
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';

export interface SurveyValueView {
  readonly value: string;
  readonly sample: string;
  readonly missing: boolean;
}

// One formatter per language: making an Intl.NumberFormat costs more than formatting a unit's page.
const TWO_DECIMALS = new Map<Lang, Intl.NumberFormat>();
const twoDecimals = (lang: Lang): Intl.NumberFormat => {
  let format = TWO_DECIMALS.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    TWO_DECIMALS.set(lang, format);
  }
  return format;
};

export function surveyValue(
  lang: Lang,
  kind: 'share' | 'mean',
  cell: {
    readonly estimate: number | null;
    readonly low: number | null;
    readonly high: number | null;
    readonly n: number;
    readonly nEffective: number;
    readonly missing: string | null;
  },
): SurveyValueView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const sameN = Math.abs(cell.nEffective - cell.n) < 0.05;
  const sample = sameN
    ? fill(t.surveySampleN, { n: format.count(cell.n) })
    : fill(t.surveySampleNEffective, { n: format.count(cell.n), neff: format.score(cell.nEffective) });
  if (cell.estimate === null || cell.low === null || cell.high === null) {
    return { value: labelOf(lang, 'reason', cell.missing ?? 'sample_too_small'), sample, missing: true };
  }
  const show = kind === 'share' ? format.share : (v: number) => twoDecimals(lang).format(v);
  return {
    value: fill(t.surveyEstimate, {
      estimate: show(cell.estimate),
      low: show(cell.low),
      high: show(cell.high),
    }),
    sample,
    missing: false,
  };
}
