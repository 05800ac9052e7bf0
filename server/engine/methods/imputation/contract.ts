/**
 * What an imputation method receives and returns. The stage calls it once per indicator and period
 * with copies it may fill in place: a filled cell gets its value, reason `ok` and the Imputed flag.
 * Only cells missing for a reason that imputation can repair are filled (see `isImputable`); a unit
 * screened out or an indicator that does not apply stays missing.
 */
import { CellFlag } from '../../flags.js';
import { MissingCode } from '../../missing-reasons.js';
import type { MethodDefinition, PreparedMethod } from '../method.js';

/** Units grouped by one attribute: `index[unit]` is the group number, -1 when the attribute is unknown. */
export interface UnitGroups {
  readonly index: Int32Array;
  readonly count: number;
}

export interface ImputationTarget {
  /** One indicator in one period, one entry per unit. */
  readonly values: Float64Array;
  readonly reasons: Uint8Array;
  readonly flags: Uint8Array;
  /** The same indicator in the previous period after imputation, if there is one. */
  readonly previous: Float64Array | undefined;
  /** Groups of units by an attribute name (or "parent" for the parent unit). */
  readonly groups: (attribute: string) => UnitGroups;
  /**
   * The same indicator in every period, in order, and this target's position among them: earlier
   * periods as already imputed, later ones as observed (interpolate reads both sides of a gap).
   */
  readonly periods: { readonly index: number; readonly columns: readonly Float64Array[] };
}

export interface ImputationOutcome {
  readonly filled: number;
  /** Cells that were missing and imputable but had nothing to be filled from. */
  readonly unfilled: number;
}

export type ImputationRun = (target: ImputationTarget) => ImputationOutcome;
export type PreparedImputation = PreparedMethod<ImputationRun>;
export type ImputationMethod<Name extends string> = MethodDefinition<Name, PreparedImputation>;

/** Reasons a value can be imputed for: it should exist but is missing or unusable. */
export function isImputable(reason: number): boolean {
  return (
    reason === MissingCode.MissingInput ||
    reason === MissingCode.DivisionByZero ||
    reason === MissingCode.DomainError ||
    reason === MissingCode.NotFinite ||
    reason === MissingCode.InvalidInput
  );
}

/**
 * Fills every imputable missing cell with `valueFor(unit)`; a NaN from `valueFor` leaves the cell missing.
 *
 * @example fillMissing(target, () => 4) // every imputable gap becomes 4
 */
export function fillMissing(target: ImputationTarget, valueFor: (unit: number) => number): ImputationOutcome {
  const { values, reasons, flags } = target;
  let filled = 0;
  let unfilled = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i] || !isImputable(reasons[i] ?? 0)) continue;
    const value = valueFor(i);
    if (value === value) {
      values[i] = value;
      reasons[i] = MissingCode.Ok;
      flags[i] = (flags[i] ?? 0) | CellFlag.Imputed;
      filled++;
    } else {
      unfilled++;
    }
  }
  return { filled, unfilled };
}
