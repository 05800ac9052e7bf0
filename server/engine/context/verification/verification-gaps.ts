/**
 * Self-reported against verified (issue 15, "who evaluates"): per indicator and row (period ×
 * unit) the value a community's own figures give and the value once a street or a third party
 * checked them, and per unit its habitual gap across indicators — the median relative gap and how
 * many indicators it overstated — a calibration signal for where checking is worth its cost.
 *
 * An indicator is compared on a row only when at least one of its inputs was checked there; the
 * verified value takes the checked inputs and the community's own for the rest (a street that
 * recounted households but not staff still tells whether "households per worker" was flattering).
 * The relative gap is signed so that a positive number flatters the unit: direction × (self −
 * verified) / |verified| (none when the verified value is 0). "Overstated" means flattering by
 * any amount, "understated" the opposite.
 *
 * @example
 * // one ↑ indicator x, self 110, verified 100 → relative gap 0.1, overstated 1 of 1
 * verificationGaps(tree.indicators, 1, [selfPeriod], [checkedPeriod])
 */
import type { Direction, EngineIndicator, EnginePeriod } from '../../types.js';

export interface IndicatorComparison {
  /** Per row, the indicator from the community's own figures; NaN where not compared. */
  readonly self: Float64Array;
  /** Per row, the indicator from the checked figures; NaN where not compared. */
  readonly verified: Float64Array;
}

export interface UnitGaps {
  /** Per unit, the (indicator, period) pairs compared. */
  readonly compared: Uint32Array;
  readonly overstated: Uint32Array;
  readonly understated: Uint32Array;
  /** Per unit, the median flattering relative gap over its compared pairs (NaN when none). */
  readonly medianRelativeGap: Float64Array;
}

export interface VerificationGaps {
  readonly indicators: ReadonlyMap<string, IndicatorComparison>;
  readonly units: UnitGaps;
}

type Indicator = Pick<EngineIndicator, 'id' | 'direction' | 'inputs' | 'compute'>;

/** The flattering relative gap: positive when the community's figure makes it look better. */
export function relativeGap(self: number, verified: number, direction: Direction): number {
  if (verified === 0) return Number.NaN;
  return (direction * (self - verified)) / Math.abs(verified);
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** The checked figures where there are some, the community's own elsewhere, for these inputs. */
function filled(
  inputs: readonly string[],
  own: EnginePeriod,
  checked: EnginePeriod,
  unitCount: number,
): { columns: Map<string, Float64Array>; touched: Uint8Array } {
  const columns = new Map<string, Float64Array>();
  const touched = new Uint8Array(unitCount);
  for (const name of inputs) {
    const mine = own.variables.get(name);
    const theirs = checked.variables.get(name);
    const column = new Float64Array(unitCount).fill(Number.NaN);
    for (let u = 0; u < unitCount; u++) {
      const v = theirs?.[u] ?? Number.NaN;
      if (v === v) {
        column[u] = v;
        touched[u] = 1;
      } else column[u] = mine?.[u] ?? Number.NaN;
    }
    columns.set(name, column);
  }
  return { columns, touched };
}

export function verificationGaps(
  indicators: readonly Indicator[],
  unitCount: number,
  own: readonly EnginePeriod[],
  checked: readonly EnginePeriod[],
): VerificationGaps {
  const rowCount = unitCount * own.length;
  const comparisons = new Map<string, IndicatorComparison>();
  const gaps: number[][] = Array.from({ length: unitCount }, () => []);
  const compared = new Uint32Array(unitCount);
  const overstated = new Uint32Array(unitCount);
  const understated = new Uint32Array(unitCount);
  for (const indicator of indicators) {
    const self = new Float64Array(rowCount).fill(Number.NaN);
    const verified = new Float64Array(rowCount).fill(Number.NaN);
    own.forEach((period, p) => {
      const other = checked[p];
      if (other === undefined) return;
      const mine = indicator.compute.evaluateColumns(period.variables, unitCount).values;
      const { columns, touched } = filled(indicator.inputs, period, other, unitCount);
      const theirs = indicator.compute.evaluateColumns(columns, unitCount).values;
      for (let u = 0; u < unitCount; u++) {
        const s = mine[u] ?? Number.NaN;
        const v = theirs[u] ?? Number.NaN;
        if (touched[u] !== 1 || s !== s || v !== v) continue;
        self[p * unitCount + u] = s;
        verified[p * unitCount + u] = v;
        compared[u] = (compared[u] ?? 0) + 1;
        const flattering = indicator.direction * (s - v);
        if (flattering > 0) overstated[u] = (overstated[u] ?? 0) + 1;
        if (flattering < 0) understated[u] = (understated[u] ?? 0) + 1;
        const relative = relativeGap(s, v, indicator.direction);
        if (relative === relative) gaps[u]?.push(relative);
      }
    });
    comparisons.set(indicator.id, { self, verified });
  }
  return {
    indicators: comparisons,
    units: {
      compared,
      overstated,
      understated,
      medianRelativeGap: Float64Array.from(gaps, (list) => median(list)),
    },
  };
}
