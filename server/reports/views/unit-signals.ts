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
import type { ReportContext } from '../context/report-context.js';

const LIGHTS: ReadonlySet<string> = new Set(['green', 'yellow', 'orange', 'red']);
const TRENDS: ReadonlySet<string> = new Set(['on_track', 'improving', 'stagnating', 'decreasing']);

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
  const stored = row === undefined ? undefined : context.results.diagnostics?.lights[indicator]?.[row];
  if (stored !== undefined) return LIGHTS.has(stored) ? (stored as Light) : null;
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
  const stored = row === undefined ? undefined : context.results.diagnostics?.trends[indicator]?.[row];
  if (stored !== undefined) return TRENDS.has(stored) ? (stored as Trend) : null;
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
    row === undefined ? undefined : context.results.diagnostics?.[group]?.[context.results.root]?.[row];
  return rank ?? undefined;
}

/** The engine's percentile (0–100) of a scored unit's index score; undefined when not stored. */
export function enginePercentile(context: ReportContext, period: number, unit: number): number | undefined {
  const row = baseRow(context, period, unit);
  const value =
    row === undefined ? undefined : context.results.diagnostics?.percentiles[context.results.root]?.[row];
  return value ?? undefined;
}

/** The engine's weakest dimension of a scored unit: its id, null for none, undefined when not stored. */
export function engineWeakestDimension(
  context: ReportContext,
  period: number,
  unit: number,
): string | null | undefined {
  const row = baseRow(context, period, unit);
  return row === undefined ? undefined : context.results.diagnostics?.weakestDimension[row];
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
  const picks = row === undefined ? undefined : context.results.diagnostics?.weakestIndicators[row];
  return picks?.map((p) => ({
    indicator: p.indicator,
    median: p.median ?? Number.NaN,
    change: p.change ?? Number.NaN,
  }));
}
