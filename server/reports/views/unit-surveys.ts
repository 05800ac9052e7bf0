/**
 * The unit page's residents' survey table: each survey indicator of the evaluation with the unit's
 * estimate in the period, its 95 % interval and n, or "样本不足 / sample too small" below the
 * minimum sample. Streets, districts and the city show the estimate from their communities'
 * respondents pooled (computed by the engine, stored with the results). Null when the evaluation
 * has no survey indicators.
 *
 * @example unitSurveys(context, 2, unit, 'zh')?.rows[0] // { name: '居民满意度…', value: '78.3%（…）', sample: 'n = 45' }
 */
import type { ReportContext } from '../context/report-context.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { surveyValue } from './survey-value.js';

export interface UnitSurveyRow {
  readonly name: string;
  readonly value: string;
  readonly sample: string;
  readonly missing: boolean;
}

export interface UnitSurveysView {
  readonly note: string;
  readonly rows: readonly UnitSurveyRow[];
}

export function unitSurveys(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): UnitSurveysView | null {
  const section = context.surveys;
  if (section === null || section.indicators.length === 0) return null;
  const code = context.units.codes[unit] ?? '';
  const level = context.units.levels[unit] ?? 'community';
  const t = labelsFor(lang);
  const rows: UnitSurveyRow[] = [];
  for (const indicator of section.indicators) {
    const cells = indicator.levels[level];
    if (cells === undefined) continue;
    // A position per code, made once per context: a search of the level's codes on every unit page
    // would scan 100,000 of them per indicator.
    const positions = context.memo(`surveyPositions\n${indicator.id}\n${level}`, () => {
      const first = new Map<string, number>();
      cells.units.forEach((unitCode, at) => {
        if (!first.has(unitCode)) first.set(unitCode, at);
      });
      return first;
    });
    const index = positions.get(code) ?? -1;
    if (index < 0) continue;
    const row = cells.units.length * period + index;
    const view = surveyValue(lang, indicator.statistic === 'mean' ? 'mean' : 'share', {
      estimate: cells.estimate[row] ?? null,
      low: cells.low[row] ?? null,
      high: cells.high[row] ?? null,
      n: cells.n[row] ?? 0,
      nEffective: cells.nEffective[row] ?? 0,
      missing: cells.missing[row] ?? null,
    });
    rows.push({ name: indicator.name[lang], ...view });
  }
  if (rows.length === 0) return null;
  const pooled = level === 'community' ? t.surveyUnitNoteOwn : t.surveyUnitNotePooled;
  return { note: pooled, rows };
}
