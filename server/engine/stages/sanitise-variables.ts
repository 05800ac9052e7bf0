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
  /** The bad cells per variable when already found (the engine's threads share that search). */
  found?: ReadonlyMap<string, Uint8Array | undefined>,
): SanitisedVariables {
  const columns = new Map<string, Float64Array>();
  const bad = new Map<string, Uint8Array>();
  for (const [name, column] of variables) {
    const why = found?.has(name) === true ? found.get(name) : badCells(column, specs?.get(name));
    if (why === undefined) {
      columns.set(name, column);
      continue;
    }
    const copy = column.slice();
    const length = copy.length;
    for (let i = 0; i < length; i++) if (why[i] !== 0) copy[i] = Number.NaN;
    columns.set(name, copy);
    bad.set(name, why);
  }
  return { columns, bad };
}

/** The reason per row for a column with at least one bad value; undefined when every value is fine. */
export function badCells(column: Float64Array, spec: VariableSpec | undefined): Uint8Array | undefined {
  // Fold the declared bounds into one closed or open interval per side.
  const low = spec?.exclusiveMinimum ?? spec?.minimum ?? -Infinity;
  const lowOpen = spec?.exclusiveMinimum !== undefined;
  const high = spec?.exclusiveMaximum ?? spec?.maximum ?? Infinity;
  const highOpen = spec?.exclusiveMaximum !== undefined;
  const integer = spec?.integer === true;
  const length = column.length;
  let why: Uint8Array | undefined;
  for (let i = 0; i < length; i++) {
    const v = column[i] ?? Number.NaN;
    if (v !== v) continue;
    let code = 0;
    if (v - v !== 0) code = MissingCode.NotFinite;
    else if (
      v < low ||
      v > high ||
      (lowOpen && v === low) ||
      (highOpen && v === high) ||
      (integer && v !== Math.round(v))
    ) {
      code = MissingCode.InvalidInput;
    }
    if (code === 0) continue;
    why ??= new Uint8Array(length);
    why[i] = code;
  }
  return why;
}
