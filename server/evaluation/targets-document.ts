/**
 * The stored form of targets that fit: every override of the framework as written (indicator,
 * conditions, goalposts and/or thresholds, justification) with the number of units it applied to in
 * each period (scored units and roll-up levels together), and which override applied to each row of
 * the scored units and of each roll-up level, so the methodology page can list every override and a
 * unit page can say, beside a light, that one applies. Absent when the framework has no overrides.
 *
 * @example doc.targets?.rows.grid_household_coverage?.[periodIndex * units.length + unitIndex] // 0, or null
 */
import type { Diagnostics } from '../engine/diagnostics/diagnose.js';
import { targetUnitCounts } from '../engine/targets/target-counts.js';
import type { TargetRows } from '../engine/targets/resolve-targets.js';
import type { TargetOverrideDefinition } from '../indicators/definitions.js';

export interface TargetOverrideDocument extends TargetOverrideDefinition {
  /** Per period: how many units (scored and roll-up levels) the override applied to. */
  readonly units: readonly number[];
}

export interface TargetsDocument {
  readonly overrides: readonly TargetOverrideDocument[];
  /** Per overridden indicator, per row (period × unit): the position of the override applied, null: none. */
  readonly rows: Readonly<Record<string, readonly (number | null)[]>>;
  /** The same per roll-up level, in the roll-up's order; rows = period × the level's codes. */
  readonly levelRows: readonly Readonly<Record<string, readonly (number | null)[]>>[];
}

function rowsDocument(rows: TargetRows): Record<string, (number | null)[]> {
  return Object.fromEntries(
    [...rows].map(([indicator, table]) => [indicator, Array.from(table, (k) => (k < 0 ? null : k))]),
  );
}

export function targetsDocument(
  overrides: readonly TargetOverrideDefinition[] | undefined,
  scored: { readonly diagnostics: Diagnostics; readonly unitCount: number },
  levels: readonly { readonly diagnostics: Diagnostics; readonly unitCount: number }[],
  periodCount: number,
): TargetsDocument | undefined {
  if (overrides === undefined || overrides.length === 0) return undefined;
  const counts = targetUnitCounts(
    [scored, ...levels].map((l) => ({ rows: l.diagnostics.targetRows, unitCount: l.unitCount })),
    overrides.length,
    periodCount,
  );
  return {
    overrides: overrides.map((o, k) => ({
      ...(JSON.parse(JSON.stringify(o)) as TargetOverrideDefinition),
      units: counts[k] ?? [],
    })),
    rows: rowsDocument(scored.diagnostics.targetRows),
    levelRows: levels.map((l) => rowsDocument(l.diagnostics.targetRows)),
  };
}
