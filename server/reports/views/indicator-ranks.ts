/**
 * Each unit's rank on one indicator among the units of its level in a period, by normalised score
 * (normalisation has already turned "lower is better" indicators round), with the number of units
 * ranked, computed once per context; and the level's index scores from the highest down, for
 * what-if ranks.
 *
 * @example indicatorRanks(context, 2, 'community', 'request_resolution_rate').ranks[17] // e.g. 212
 */
import { competitionRanks } from '../compute/competition-ranks.js';
import { descendingScores } from '../compute/descending-scores.js';
import type { ReportContext } from '../context/report-context.js';
import type { UnitLevel } from '../../domain/unit.js';

export interface IndicatorRanks {
  /** By report index; NaN for units of other levels or without a value. */
  readonly ranks: Float64Array;
  readonly total: number;
}

export function indicatorRanks(
  context: ReportContext,
  period: number,
  level: UnitLevel,
  indicator: string,
): IndicatorRanks {
  // One map per period and level, so a page's 33 look-ups build one key, not 33.
  const known = context.memo(`indicatorRanks\n${period}\n${level}`, () => new Map<string, IndicatorRanks>());
  let found = known.get(indicator);
  if (found === undefined) {
    const members = context.units.byLevel.get(level) ?? [];
    const values = context.period(period).normalised.get(indicator);
    const ranked = competitionRanks(members.map((u) => values?.[u] ?? Number.NaN));
    const ranks = new Float64Array(context.units.codes.length).fill(Number.NaN);
    let total = 0;
    members.forEach((u, k) => {
      ranks[u] = ranked[k] ?? Number.NaN;
      if (Number.isFinite(ranks[u])) total++;
    });
    found = { ranks, total };
    known.set(indicator, found);
  }
  return found;
}

export function levelRanking(context: ReportContext, period: number, level: UnitLevel): Float64Array {
  return context.memo(`levelRanking\n${period}\n${level}`, () =>
    descendingScores(
      context.period(period).scores.get(context.results.root) ?? new Float64Array(0),
      context.units.byLevel.get(level) ?? [],
    ),
  );
}
