/**
 * One indicator's formula over every period, for an indicator that no bad input, `appliesTo` or
 * `validRange` touches: what computeStage does for it, in a function the engine's helper threads run
 * too (parallel/tasks.ts), so both give the same numbers. A bare NaN or Infinity becomes not_finite,
 * the reasons of the missing cells are counted, and rows with a value are marked present.
 *
 * @example computePlainColumn(indicator.compute, [columns2023, columns2024], unitCount, present)
 */
import { MISSING_REASONS, MissingCode } from '../missing-reasons.js';
import { sharedFloat64, sharedUint8 } from '../parallel/shared.js';
import type { ColumnFormula } from '../types.js';

export interface ComputedIndicator {
  readonly values: Float64Array;
  readonly reasons: Uint8Array;
  /** The missing cells by reason name, per period. */
  readonly counts: readonly Record<string, number>[];
}

export function computePlainColumn(
  formula: ColumnFormula,
  periods: readonly ReadonlyMap<string, Float64Array>[],
  unitCount: number,
  present: Uint8Array,
  /** Write the column straight onto shared memory, for the engine's threads (no copy after). */
  shared = false,
): ComputedIndicator {
  if (shared) return computeIntoShared(formula, periods, unitCount, present);
  const periodCount = periods.length;
  const rowCount = unitCount * periodCount;
  // One period: the formula's fresh arrays become the column; several: they are copied in.
  let values: Float64Array | undefined = periodCount === 1 ? undefined : new Float64Array(rowCount);
  let reasons: Uint8Array | undefined = periodCount === 1 ? undefined : new Uint8Array(rowCount);
  const counts: Record<string, number>[] = [];
  periods.forEach((columns, p) => {
    const result = formula.evaluateColumns(columns, unitCount);
    let out: Float64Array;
    let why: Uint8Array;
    if (values === undefined || reasons === undefined) {
      out = ownedCopy(result.values, unitCount);
      why = ownedCopy(result.reasons, unitCount);
      values = out;
      reasons = why;
    } else {
      out = values.subarray(p * unitCount, (p + 1) * unitCount);
      why = reasons.subarray(p * unitCount, (p + 1) * unitCount);
      out.set(result.values.subarray(0, unitCount));
      why.set(result.reasons.subarray(0, unitCount));
    }
    counts.push(sealTallyAndMarkPresent(out, why, present, p * unitCount));
  });
  return { values: values ?? new Float64Array(0), reasons: reasons ?? new Uint8Array(0), counts };
}

function computeIntoShared(
  formula: ColumnFormula,
  periods: readonly ReadonlyMap<string, Float64Array>[],
  unitCount: number,
  present: Uint8Array,
): ComputedIndicator {
  const rowCount = unitCount * periods.length;
  const values = sharedFloat64(rowCount);
  const reasons = sharedUint8(rowCount);
  const counts = periods.map((columns, p) => {
    const out = values.subarray(p * unitCount, (p + 1) * unitCount);
    const why = reasons.subarray(p * unitCount, (p + 1) * unitCount);
    const result = formula.evaluateColumns(columns, unitCount, { values: out, reasons: why });
    // A formula that does not write into the columns given returns its own: copied in.
    if (result.values !== out) out.set(result.values.subarray(0, unitCount));
    if (result.reasons !== why) why.set(result.reasons.subarray(0, unitCount));
    return sealTallyAndMarkPresent(out, why, present, p * unitCount);
  });
  return { values, reasons, counts };
}

/** A formula the helper threads can compile again: the registry's compiled formulas carry their source. */
export function formulaSource(
  formula: ColumnFormula,
): { readonly source: string; readonly variables: readonly string[] } | undefined {
  const { source, variables } = formula as { source?: unknown; variables?: unknown };
  if (typeof source !== 'string' || !Array.isArray(variables)) return undefined;
  if (!variables.every((v): v is string => typeof v === 'string')) return undefined;
  return { source, variables };
}

/** sealComputed and tallyAndMarkPresent in one pass, for an indicator nothing else changes. */
export function sealTallyAndMarkPresent(
  out: Float64Array,
  why: Uint8Array,
  present: Uint8Array,
  offset: number,
): Record<string, number> {
  const tally = new Uint32Array(256);
  const length = out.length;
  for (let i = 0; i < length; i++) {
    const v = out[i] ?? Number.NaN;
    let reason = why[i] ?? 0;
    if (v - v === 0 && reason === MissingCode.Ok) {
      present[offset + i] = 1;
      continue;
    }
    out[i] = Number.NaN;
    if (reason === MissingCode.Ok) {
      reason = MissingCode.NotFinite;
      why[i] = reason;
    }
    tally[reason] = (tally[reason] ?? 0) + 1;
  }
  return reasonCounts(tally);
}

export function reasonCounts(tally: Uint32Array): Record<string, number> {
  const counts: Record<string, number> = {};
  tally.forEach((count, code) => {
    if (count > 0) counts[MISSING_REASONS[code] ?? 'unknown'] = count;
  });
  return counts;
}

/** The formula's own array when it has exactly `length` entries (the engine owns it), else a copy. */
export function ownedCopy<T extends Float64Array | Uint8Array>(array: T, length: number): T {
  return array.length === length ? array : (array.slice(0, length) as T);
}
