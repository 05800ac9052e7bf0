/**
 * Targets that fit (因地制宜): which of a framework's target overrides applies to each unit and period.
 * An override applies where every condition it names holds (the unit's `peer_group` attribute, its
 * settlement, the units' level, the period id). When several apply, the most specific wins (the most
 * conditions), then the first listed. The result is one table per overridden indicator, one entry per
 * row (row = period × unitCount + unit): the override's position in the list, or NO_OVERRIDE.
 *
 * @example
 * const overrides = [{ indicator: 'x', when: { urbanRural: 'rural' }, thresholds }];
 * resolveTargetRows(overrides, { settlement: ['urban', 'rural'] }, 2, ['2024']).get('x') // [-1, 0]
 */
import type { Settlement, TargetConditions, TargetOverride } from '../types.js';

export const NO_OVERRIDE = -1;

/** The attribute of the unit register that a `peerGroup` condition reads. */
export const PEER_GROUP_ATTRIBUTE = 'peer_group';

/** What the resolution reads of the units. */
export interface TargetUnits {
  readonly attributes?: ReadonlyMap<string, readonly (string | undefined)[]>;
  readonly settlement?: readonly (Settlement | undefined)[];
  readonly level?: string;
}

/** Per overridden indicator: per row, the position of the applying override in the list, or NO_OVERRIDE. */
export type TargetRows = ReadonlyMap<string, Int32Array>;

export function conditionCount(when: TargetConditions): number {
  return (
    (when.peerGroup === undefined ? 0 : 1) +
    (when.urbanRural === undefined ? 0 : 1) +
    (when.level === undefined ? 0 : 1) +
    (when.period === undefined ? 0 : 1)
  );
}

/** Positions of an indicator's overrides in the order they are tried: most conditions first, then list order. */
function precedence(overrides: readonly TargetOverride[], indicator: string): number[] {
  const positions: number[] = [];
  overrides.forEach((o, k) => {
    if (o.indicator === indicator) positions.push(k);
  });
  const specificity = positions.map((k) => conditionCount(overrides[k]?.when ?? {}));
  return positions
    .map((k, n) => ({ k, n }))
    .sort((a, b) => (specificity[b.n] ?? 0) - (specificity[a.n] ?? 0) || a.k - b.k)
    .map(({ k }) => k);
}

function applies(when: TargetConditions, units: TargetUnits, unit: number, period: string): boolean {
  if (when.period !== undefined && when.period !== period) return false;
  if (when.level !== undefined && when.level !== units.level) return false;
  if (when.peerGroup !== undefined && units.attributes?.get(PEER_GROUP_ATTRIBUTE)?.[unit] !== when.peerGroup)
    return false;
  if (when.urbanRural !== undefined) {
    const settlement = units.settlement?.[unit] ?? units.attributes?.get('urban_rural')?.[unit];
    if (settlement !== when.urbanRural) return false;
  }
  return true;
}

export function resolveTargetRows(
  overrides: readonly TargetOverride[] | undefined,
  units: TargetUnits,
  unitCount: number,
  periodIds: readonly string[],
): TargetRows {
  const tables = new Map<string, Int32Array>();
  if (overrides === undefined || overrides.length === 0) return tables;
  const indicators = [...new Set(overrides.map((o) => o.indicator))];
  for (const indicator of indicators) {
    const order = precedence(overrides, indicator);
    const rows = new Int32Array(unitCount * periodIds.length).fill(NO_OVERRIDE);
    periodIds.forEach((period, p) => {
      for (let u = 0; u < unitCount; u++) {
        const k = order.find((position) => applies(overrides[position]?.when ?? {}, units, u, period));
        if (k !== undefined) rows[p * unitCount + u] = k;
      }
    });
    tables.set(indicator, rows);
  }
  return tables;
}
