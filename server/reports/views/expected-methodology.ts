/**
 * The methodology page's section on the score expected from structural conditions (issue 16): the
 * regression in words, its attributes, per period the fit (n, R², adjusted R², residual standard
 * error) and the coefficients with their attribute names, as stored with the results. Only selects
 * and formats: every figure was computed by the engine.
 *
 * @example expectedMethodology(context, 'en').fits[0] // { period: '2025', n: '998', r2: '0.412', … }
 */
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { attributeList, attributeName } from './expected-cell.js';
import { withFields } from './with-fields.js';

export interface ExpectedMethodology {
  /** False when the evaluation has no expected scores (then only `off` is shown). */
  readonly present: boolean;
  readonly intro: string;
  readonly attributes: string;
  readonly excluded: string;
  readonly off: string;
  readonly fits: readonly {
    readonly period: string;
    readonly n: string;
    readonly r2: string;
    readonly adjustedR2: string;
    readonly rse: string;
  }[];
  readonly coefficients: readonly {
    readonly period: string;
    readonly term: string;
    readonly estimate: string;
    readonly perSd: string;
  }[];
}

export function expectedMethodology(context: ReportContext, lang: Lang): ExpectedMethodology {
  const t = labelsFor(lang);
  const section = context.expected;
  const base = { intro: t.expectedMethodIntro, off: t.expectedMethodOff };
  if (section === null)
    return withFields(base, { present: false, attributes: '', excluded: '', fits: [], coefficients: [] });
  const format = numberFormat(lang);
  const three = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const text = (value: number | null): string => (value === null ? '—' : three.format(value));
  return withFields(base, {
    present: true,
    attributes: fill(t.expectedMethodAttributes, { attributes: attributeList(context, lang) }),
    excluded: fill(t.expectedMethodExcluded, { count: format.count(Object.keys(section.excluded).length) }),
    fits: section.fits.map((fit) => ({
      period: fit.period,
      n: format.count(fit.n),
      r2: text(fit.r2),
      adjustedR2: text(fit.adjustedR2),
      rse: text(fit.residualStandardError),
    })),
    coefficients: section.fits.flatMap((fit) => [
      { period: fit.period, term: t.expectedIntercept, estimate: text(fit.intercept), perSd: '—' },
      ...fit.coefficients.map((c) => ({
        period: fit.period,
        term: attributeName(lang, c.attribute, c.log),
        estimate: text(c.estimate),
        perSd: text(c.perSd),
      })),
    ]),
  });
}
