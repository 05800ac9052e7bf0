/**
 * What a screening method receives and returns: every indicator column of all rows (unit × period),
 * and per row the share of applicable indicators present plus whether the row falls below the
 * threshold. The stage then drops or flags those rows (`action`), on the raw data or after imputation
 * (`basis`, which decides whether screening runs before or after imputation).
 */
import type { MethodDefinition, PreparedMethod } from '../method.js';

export interface ScreeningInput {
  readonly values: readonly Float64Array[];
  readonly reasons: readonly Uint8Array[];
  readonly rowCount: number;
  /** The availability per row when the stage has measured it already (shared among threads). */
  readonly availability?: Float64Array | undefined;
}

export interface ScreeningOutcome {
  /** Share of applicable indicators present, per row (0 when none applies). */
  readonly availability: Float64Array;
  /** 1 where the row falls below the threshold. */
  readonly below: Uint8Array;
}

export type ScreeningRun = (input: ScreeningInput) => ScreeningOutcome;

export interface PreparedScreening extends PreparedMethod<ScreeningRun> {
  readonly action: 'drop' | 'flag';
  readonly basis: 'raw' | 'imputed';
}

export type ScreeningMethod<Name extends string> = MethodDefinition<Name, PreparedScreening>;
