/**
 * A unit's traffic light and trend arrow on an indicator, and its engine diagnostics: for the
 * scored units (communities and villages) the engine's own diagnostics when the results hold them,
 * otherwise — and for streets, districts and the city, which the engine does not diagnose — the same
 * rules computed here from the values shown (trafficLight, trendArrow).
 *
 * @example unitLight(context, 2, unit, 'request_resolution_rate') // 'yellow'
 */
import { trafficLight, type Light } from '../compute/traffic-light.js';
import { trendArrow, type Trend } from '../compute/trend-arrow.js';
import { LIGHT_CODES, TREND_CODES } from '../context/compact-results.js';
import type { ReportContext } from '../context/report-context.js';

/** The results row of a scored unit, or undefined for a unit above them. */
function baseRow(context: ReportContext, period: number, unit: number): number | undefined {
  return unit < context.units.baseCount ? period * context.units.baseCount + unit : undefined;
}

export function unitLight(
  context: ReportContext,
  period: number,
  unit: number,
  indicator: string,
): Light | null {
  const row = baseRow(context, period, unit);
  const stored = row === undefined ? undefined : context.results.diagnostics?.lights.get(indicator)?.[row];
  if (stored !== undefined) return stored === 0 ? null : ((LIGHT_CODES[stored] as Light | undefined) ?? null);
  const definition = context.indicatorDefinitions.get(indicator);
  const raw = context.period(period).raw.get(indicator)?.[unit] ?? Number.NaN;
  return definition === undefined ? null : trafficLight(raw, definition.thresholds, definition.direction);
}

export function unitTrend(
  context: ReportContext,
  period: number,
  unit: number,
  indicator: string,
): Trend | null {
  const row = baseRow(context, period, unit);
  const stored = row === undefined ? undefined : context.results.diagnostics?.trends.get(indicator)?.[row];
  if (stored !== undefined) return stored === 0 ? null : ((TREND_CODES[stored] as Trend | undefined) ?? null);
  const definition = context.indicatorDefinitions.get(indicator);
  if (definition === undefined || period === 0) return null;
  const before = context.period(period - 1).raw.get(indicator)?.[unit] ?? Number.NaN;
  const now = context.period(period).raw.get(indicator)?.[unit] ?? Number.NaN;
  return trendArrow(before, now, definition.goalposts.target.value, definition.direction);
}

/** The engine's rank of a scored unit within its parent or peer group; undefined when not stored. */
export function engineGroupRank(
  context: ReportContext,
  period: number,
  unit: number,
  group: 'parentRanks' | 'peerRanks',
): number | undefined {
  const row = baseRow(context, period, unit);
  const rank =
    row === undefined ? undefined : context.results.diagnostics?.[group]?.get(context.results.root)?.[row];
  return rank === undefined || Number.isNaN(rank) ? undefined : rank;
}

/** The engine's percentile (0–100) of a scored unit's index score; undefined when not stored. */
export function enginePercentile(context: ReportContext, period: number, unit: number): number | undefined {
  const row = baseRow(context, period, unit);
  const value =
    row === undefined ? undefined : context.results.diagnostics?.percentiles.get(context.results.root)?.[row];
  return value === undefined || Number.isNaN(value) ? undefined : value;
}

/** The engine's weakest dimension of a scored unit: its id, null for none, undefined when not stored. */
export function engineWeakestDimension(
  context: ReportContext,
  period: number,
  unit: number,
): string | null | undefined {
  const row = baseRow(context, period, unit);
  const diagnostics = context.results.diagnostics;
  if (row === undefined || diagnostics === null) return undefined;
  return diagnostics.leafDimensions[diagnostics.weakestDimension[row] ?? -1] ?? null;
}

export interface EngineWeakIndicator {
  readonly indicator: string;
  readonly median: number;
  readonly change: number;
}

/** The engine's three weakest indicators of a scored unit; undefined when not stored. */
export function engineWeakestIndicators(
  context: ReportContext,
  period: number,
  unit: number,
): readonly EngineWeakIndicator[] | undefined {
  const row = baseRow(context, period, unit);
  const d = context.results.diagnostics;
  if (row === undefined || d === null) return undefined;
  const picks: EngineWeakIndicator[] = [];
  for (let slot = row * 3; slot < row * 3 + 3; slot++) {
    const indicator = context.results.indicators[d.weakestIndicator[slot] ?? -1];
    if (indicator === undefined) continue;
    picks.push({
      indicator,
      median: d.weakestMedian[slot] ?? Number.NaN,
      change: d.weakestChange[slot] ?? Number.NaN,
    });
  }
  return picks;
}
