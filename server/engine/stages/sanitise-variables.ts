/**
 * Before formulas run: raw variable values that are not finite (Infinity) or break their declared
 * range (a negative count, a fraction above 1, a non-integer count) become missing, and a per-variable
 * map records why, so that the indicator built on them can say invalid_input or not_finite instead of
 * just missing_input. Columns without a bad value are passed through, not copied.
 *
 * @example households = [120, -3, Infinity] with minimum 0 → [120, NaN, NaN], bad = [0, invalid, not finite]
 */
import { MissingCode } from '../missing-reasons.js';
import type { VariableSpec } from '../types.js';

export interface SanitisedVariables {
  readonly columns: ReadonlyMap<string, Float64Array>;
  /** Per variable with at least one bad value: the MissingCode of each row (0 = fine). */
  readonly bad: ReadonlyMap<string, Uint8Array>;
}

export function sanitiseVariables(
  variables: ReadonlyMap<string, Float64Array>,
  specs: ReadonlyMap<string, VariableSpec> | undefined,
): SanitisedVariables {
  const columns = new Map<string, Float64Array>();
  const bad = new Map<string, Uint8Array>();
  for (const [name, column] of variables) {
    const spec = specs?.get(name);
    let copy: Float64Array | undefined;
    let why: Uint8Array | undefined;
    for (let i = 0; i < column.length; i++) {
      const v = column[i] ?? NaN;
      if (v !== v) continue;
      const code =
        v === Infinity || v === -Infinity
          ? MissingCode.NotFinite
          : breaks(v, spec)
            ? MissingCode.InvalidInput
            : 0;
      if (code === 0) continue;
      copy ??= Float64Array.from(column);
      why ??= new Uint8Array(column.length);
      copy[i] = Number.NaN;
      why[i] = code;
    }
    columns.set(name, copy ?? column);
    if (why !== undefined) bad.set(name, why);
  }
  return { columns, bad };
}

function breaks(v: number, spec: VariableSpec | undefined): boolean {
  if (spec === undefined) return false;
  return (
    (spec.minimum !== undefined && v < spec.minimum) ||
    (spec.maximum !== undefined && v > spec.maximum) ||
    (spec.exclusiveMinimum !== undefined && v <= spec.exclusiveMinimum) ||
    (spec.exclusiveMaximum !== undefined && v >= spec.exclusiveMaximum) ||
    (spec.integer === true && !Number.isInteger(v))
  );
}
