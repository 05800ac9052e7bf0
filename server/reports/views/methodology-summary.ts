/**
 * The few sentences on an evaluation page that say how the scores were made: scope, the method of
 * each stage, data completeness in the shown period, and how streets and districts are rolled up.
 */
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { methodLabel } from './method-label.js';

/** The engine's share of applicable indicator cells with a value in a period, over all indicators. */
export function completeness(context: ReportContext, period: number): number {
  return context.results.coverage?.completeness[period] ?? Number.NaN;
}

/** The roll-up method behind street, district and city scores: the engine's, else population-weighted here. */
export function rollupMethodLabel(context: ReportContext, lang: Lang): string {
  return labelOf(lang, 'm_rollup', context.results.rollup?.method ?? 'population_weighted');
}

export function methodologySummary(context: ReportContext, period: number, lang: Lang): string[] {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { results, snapshot } = context;
  const choices = results.choices;
  return [
    fill(t.summaryScope, {
      units: format.count(results.units.length),
      periods: format.count(results.periods.length),
      periodList: results.periods.join(lang === 'zh' ? '、' : ', '),
      framework: pick(snapshot.framework.name, lang),
      version: snapshot.framework.version,
    }),
    fill(t.summaryMethods, {
      imputation: methodLabel(choices, 'imputation', lang),
      treatment: methodLabel(choices, 'treatment', lang),
      normalisation: methodLabel(choices, 'normalisation', lang),
      weighting: methodLabel(choices, 'weighting', lang),
      aggregation: methodLabel(choices, 'aggregation', lang),
    }),
    fill(t.summaryCoverage, {
      share: format.share(completeness(context, period)),
      period: results.periods[period] ?? '',
    }),
    fill(t.summaryRollup, { method: rollupMethodLabel(context, lang) }),
  ];
}
