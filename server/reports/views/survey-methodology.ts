/**
 * The methodology page's section on the residents' survey: each survey indicator the evaluation
 * reports beside the index, with its question, what is estimated (the share answering a level or
 * higher, or the mean over the scale), the minimum sample, and how intervals and pooling work.
 * Null when the evaluation has no survey indicators.
 */
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';

export interface SurveyMethodRow {
  readonly name: string;
  readonly version: string;
  readonly question: string;
  readonly statistic: string;
  readonly minSample: string;
}

export interface SurveyMethodology {
  readonly intro: string;
  readonly rows: readonly SurveyMethodRow[];
}

export function surveyMethodology(context: ReportContext, lang: Lang): SurveyMethodology | null {
  const section = context.surveys;
  if (section === null || section.indicators.length === 0) return null;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const rows = section.indicators.map((indicator): SurveyMethodRow => {
    const levelText = (value: number): string => {
      const level = indicator.scale.find((l) => l.value === value);
      return level === undefined ? format.count(value) : `${format.count(value)} ${level.label[lang]}`;
    };
    const statistic =
      indicator.statistic === 'mean'
        ? fill(t.surveyStatisticMean, {
            low: levelText(indicator.scaleMin),
            high: levelText(indicator.scaleMax),
          })
        : fill(t.surveyStatisticShare, { level: levelText(indicator.statistic.share_at_least) });
    return {
      name: indicator.name[lang],
      version: indicator.version,
      question: indicator.question[lang],
      statistic,
      minSample: format.count(indicator.minSample),
    };
  });
  return { intro: t.surveyMethodIntro, rows };
}
