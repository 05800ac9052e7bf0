/**
 * Each unit's rank on one indicator among the units of its level in a period, by normalised score
 * (normalisation has already turned "lower is better" indicators round), computed once per
 * context; and the level's index scores from the highest down, for what-if ranks.
 *
 * @example indicatorRanks(context, 2, 'community', 'request_resolution_rate')[17] // e.g. 212
 */
import { competitionRanks } from '../compute/competition-ranks.js';
import { descendingScores } from '../compute/descending-scores.js';
import type { ReportContext } from '../context/report-context.js';
import type { UnitLevel } from '../../store/models/unit.js';

export function indicatorRanks(
  context: ReportContext,
  period: number,
  level: UnitLevel,
  indicator: string,
): Float64Array {
  return context.memo(`indicatorRanks\n${period}\n${level}\n${indicator}`, () => {
    const members = context.units.byLevel.get(level) ?? [];
    const values = context.period(period).normalised.get(indicator);
    const ranked = competitionRanks(members.map((u) => values?.[u] ?? Number.NaN));
    const out = new Float64Array(context.units.codes.length).fill(Number.NaN);
    members.forEach((u, k) => (out[u] = ranked[k] ?? Number.NaN));
    return out;
  });
}

export function indicatorRankTotal(
  context: ReportContext,
  period: number,
  level: UnitLevel,
  indicator: string,
): number {
  return context.memo(`indicatorRankTotal\n${period}\n${level}\n${indicator}`, () => {
    const values = context.period(period).normalised.get(indicator);
    return (context.units.byLevel.get(level) ?? []).filter((u) => Number.isFinite(values?.[u] ?? Number.NaN))
      .length;
  });
}

export function levelRanking(context: ReportContext, period: number, level: UnitLevel): Float64Array {
  return context.memo(`levelRanking\n${period}\n${level}`, () =>
    descendingScores(
      context.period(period).scores.get(context.results.root) ?? new Float64Array(0),
      context.units.byLevel.get(level) ?? [],
    ),
  );
}
