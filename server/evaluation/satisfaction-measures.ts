/**
 * The one adapter from the results' survey section (surveys-document.ts) to the satisfaction check's
 * input: per survey indicator, per period id and unit code (every level), the estimate with its 95 %
 * interval and respondents, or why it is missing. A unit without a single respondent counts as not
 * surveyed (it is left out of the map), one with too few as `sample_too_small`. Survey columns are
 * period-major over the periods the evaluation read, in the order it read them.
 *
 * @example satisfactionMeasures(results.surveys, ['2024', '2025'])[0].cells.get('2025')?.get('WY01S01C00')
 */
import type { SatisfactionCell } from '../engine/surveys/satisfaction-check.js';
import type { SatisfactionMeasure } from './satisfaction-section.js';

type Cell = number | null;

/** The parts of a survey section the check reads. */
export interface SurveySectionLike {
  readonly indicators: readonly {
    readonly id: string;
    readonly statistic: 'mean' | { readonly share_at_least: number };
    readonly levels: Readonly<
      Partial<
        Record<
          string,
          {
            readonly units: readonly string[];
            readonly estimate: readonly Cell[];
            readonly low: readonly Cell[];
            readonly high: readonly Cell[];
            readonly n: readonly number[];
            readonly missing: readonly (string | null)[];
          }
        >
      >
    >;
  }[];
}

function cellAt(
  level: NonNullable<SurveySectionLike['indicators'][number]['levels'][string]>,
  row: number,
): SatisfactionCell | undefined {
  const n = level.n[row] ?? 0;
  if (n === 0) return undefined;
  const estimate = level.estimate[row] ?? null;
  const low = level.low[row] ?? null;
  const high = level.high[row] ?? null;
  if (estimate === null || low === null || high === null)
    return { missing: level.missing[row] ?? 'sample_too_small' };
  return { estimate, low, high, n };
}

export function satisfactionMeasures(
  surveys: SurveySectionLike | undefined,
  periodIds: readonly string[],
): SatisfactionMeasure[] {
  if (surveys === undefined) return [];
  return surveys.indicators.map((indicator) => {
    const cells = new Map<string, Map<string, SatisfactionCell>>(periodIds.map((id) => [id, new Map()]));
    for (const level of Object.values(indicator.levels)) {
      if (level === undefined) continue;
      periodIds.forEach((period, p) => {
        const byUnit = cells.get(period);
        level.units.forEach((code, u) => {
          const cell = cellAt(level, p * level.units.length + u);
          if (cell !== undefined) byUnit?.set(code, cell);
        });
      });
    }
    return {
      indicator: indicator.id,
      statistic: indicator.statistic === 'mean' ? 'mean' : 'share',
      cells,
    };
  });
}
