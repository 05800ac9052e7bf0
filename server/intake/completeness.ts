/**
 * How complete a batch is: per street and per district, the share of expected cells filled, where
 * each community under it is expected to report every variable of the framework for every period of
 * the batch. A community with no row counts as empty, so a street whose communities were left out
 * shows it.
 *
 * @example
 * completenessOf(units, [{ unit: 'A', period: '2025', values: { households: 300 } }], ['households', 'grid_workers'], ['2025'])
 * // [{ unit: 'S1', level: 'street', expected: 2, filled: 1, share: 0.5 }, { unit: 'D1', level: 'district', … }]
 */
import type { Completeness } from '../domain/validation-report.js';
import type { ObservationRow } from '../domain/observation.js';
import type { UnitLevel } from '../domain/unit.js';

export interface TreeUnit {
  readonly code: string;
  readonly level: UnitLevel;
  readonly parent: string | null;
}

export function completenessOf(
  units: readonly TreeUnit[],
  rows: readonly ObservationRow[],
  variables: readonly string[],
  periods: readonly string[],
): Completeness[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const wanted = new Set(variables);
  const filledBy = new Map<string, number>();
  for (const row of rows) {
    const filled = Object.keys(row.values).filter((name) => wanted.has(name)).length;
    filledBy.set(row.unit, (filledBy.get(row.unit) ?? 0) + filled);
  }
  const perCommunity = variables.length * periods.length;
  const totals = new Map<string, { level: UnitLevel; expected: number; filled: number }>();
  for (const unit of units) {
    if (unit.level !== 'community') continue;
    const seen = new Set<string>();
    for (let parent = unit.parent; parent !== null && !seen.has(parent);) {
      seen.add(parent);
      const above = byCode.get(parent);
      if (above === undefined) break;
      if (above.level === 'street' || above.level === 'district') {
        const total = totals.get(above.code) ?? { level: above.level, expected: 0, filled: 0 };
        total.expected += perCommunity;
        total.filled += filledBy.get(unit.code) ?? 0;
        totals.set(above.code, total);
      }
      parent = above.parent;
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unit, { level, expected, filled }]) => ({
      unit,
      level: level === 'district' ? 'district' : 'street',
      expected,
      filled,
      share: expected > 0 ? filled / expected : null,
    }));
}
