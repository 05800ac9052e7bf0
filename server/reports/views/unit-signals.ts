/**
 * A unit's engine diagnostics at any level (communities and villages, streets, districts, the city),
 * as the results store them: its traffic light and trend arrow on an indicator, its percentile, its
 * ranks within parent and peer group with how many units each ranking holds, its weakest dimension and
 * indicators. Selection only: a figure the results lack is missing (null or NaN), never computed here.
 *
 * @example unitLight(context, 2, unit, 'request_resolution_rate') // 'yellow'
 */
import type { LightName as Light, TrendName as Trend } from '../format/signal-names.js';
import { LIGHT_CODES, TREND_CODES, type CompactDiagnostics } from '../context/compact-results.js';
import type { ReportContext } from '../context/report-context.js';

/** The unit's diagnostics and its row in them, or undefined when not stored. */
function diagnosticsAt(
  context: ReportContext,
  period: number,
  unit: number,
): { d: CompactDiagnostics; row: number } | undefined {
  const place = context.place(unit);
  const d = place?.level.diagnostics ?? null;
  return place === null || d === null ? undefined : { d, row: place.row(period) };
}

export function unitLight(
  context: ReportContext,
  period: number,
  unit: number,
  indicator: string,
): Light | null {
  const at = diagnosticsAt(context, period, unit);
  const code = at?.d.lights.get(indicator)?.[at.row] ?? 0;
  return code === 0 ? null : ((LIGHT_CODES[code] as Light | undefined) ?? null);
}

export function unitTrend(
  context: ReportContext,
  period: number,
  unit: number,
  indicator: string,
): Trend | null {
  const at = diagnosticsAt(context, period, unit);
  const code = at?.d.trends.get(indicator)?.[at.row] ?? 0;
  return code === 0 ? null : ((TREND_CODES[code] as Trend | undefined) ?? null);
}

/** The engine's rank of a unit within its parent or peer group; undefined when not stored. */
export function engineGroupRank(
  context: ReportContext,
  period: number,
  unit: number,
  group: 'parentRanks' | 'peerRanks',
): number | undefined {
  const at = diagnosticsAt(context, period, unit);
  const rank = at?.d[group]?.get(context.results.root)?.[at.row];
  return rank === undefined || Number.isNaN(rank) ? undefined : rank;
}

/** The engine's percentile (0–100) of a unit's index score; undefined when not stored. */
export function enginePercentile(context: ReportContext, period: number, unit: number): number | undefined {
  const at = diagnosticsAt(context, period, unit);
  const value = at?.d.percentiles.get(context.results.root)?.[at.row];
  return value === undefined || Number.isNaN(value) ? undefined : value;
}

/** The engine's weakest dimension of a unit: its id, null for none or when not stored. */
export function engineWeakestDimension(context: ReportContext, period: number, unit: number): string | null {
  const at = diagnosticsAt(context, period, unit);
  if (at === undefined) return null;
  return at.d.leafDimensions[at.d.weakestDimension[at.row] ?? -1] ?? null;
}

export interface EngineWeakIndicator {
  readonly indicator: string;
  readonly median: number;
  readonly change: number;
}

/** The engine's three weakest indicators of a unit (none when not stored). */
export function engineWeakestIndicators(
  context: ReportContext,
  period: number,
  unit: number,
): readonly EngineWeakIndicator[] {
  const at = diagnosticsAt(context, period, unit);
  if (at === undefined) return [];
  const picks: EngineWeakIndicator[] = [];
  for (let slot = at.row * 3; slot < at.row * 3 + 3; slot++) {
    const indicator = context.results.indicators[at.d.weakestIndicator[slot] ?? -1];
    if (indicator === undefined) continue;
    picks.push({
      indicator,
      median: at.d.weakestMedian[slot] ?? Number.NaN,
      change: at.d.weakestChange[slot] ?? Number.NaN,
    });
  }
  return picks;
}
