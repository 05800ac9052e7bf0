/**
 * A unit's rank on one indicator among the units of its level in a period (by normalised value, so
 * "lower is better" indicators are already turned round) and how many units that ranking holds, as
 * the engine stored them (server/engine/diagnostics/level-figures.ts); NaN when not stored.
 *
 * @example indicatorRank(context, 2, unit, 'request_resolution_rate') // { rank: 212, total: 998 }
 */
import type { ReportContext } from '../context/report-context.js';

export interface IndicatorRank {
  readonly rank: number;
  readonly total: number;
}

export function indicatorRank(
  context: ReportContext,
  period: number,
  unit: number,
  indicator: string,
): IndicatorRank {
  const place = context.place(unit);
  const figures = place?.level.figures ?? null;
  if (place === null || figures === null) return { rank: Number.NaN, total: Number.NaN };
  return {
    rank: figures.indicatorRanks.get(indicator)?.[place.row(period)] ?? Number.NaN,
    total: figures.indicatorTotals.get(indicator)?.[period] ?? Number.NaN,
  };
}
