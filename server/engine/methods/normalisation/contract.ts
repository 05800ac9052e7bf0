/**
 * What a normalisation method receives and returns. The stage calls it once per indicator and per
 * slice of rows that share bounds (one period, or all periods pooled): `input` holds the treated
 * values in the indicator's own direction, `output` receives the normalised values (higher = better),
 * `reasons` already holds the input's reasons and takes a reason for every cell the method leaves
 * missing, `flags` takes CellFlag.Censored for clamped cells. Rows of a slice are period-major:
 * row i belongs to unit i % unitCount.
 */
import type { LogValue } from '../../log.js';
import type { Direction, Goalposts } from '../../types.js';
import type { MethodDefinition, PreparedMethod } from '../method.js';

export interface NormalisationContext {
  readonly indicator: string;
  readonly direction: Direction;
  readonly goalposts: Goalposts | undefined;
  readonly unitCount: number;
  /** The index of a unit by code, -1 when unknown. */
  readonly unitIndex: (code: string) => number;
}

export interface NormalisationOutcome {
  /** Bounds or statistics used, for the log. */
  readonly data: Readonly<Record<string, LogValue>>;
}

export type NormalisationRun = (
  input: Float64Array,
  output: Float64Array,
  reasons: Uint8Array,
  flags: Uint8Array,
  context: NormalisationContext,
) => NormalisationOutcome;

export interface PreparedNormalisation extends PreparedMethod<NormalisationRun> {
  /** The smallest value the method produces whatever the data (undefined: it depends on the data). */
  readonly lowest: number | undefined;
  /** The method may flag cells as censored (the stage only then copies the flags). */
  readonly censors: boolean;
  /** What the method needs from each indicator's goalposts. */
  readonly needs: 'nothing' | 'goalposts';
}

export type NormalisationMethod<Name extends string> = MethodDefinition<Name, PreparedNormalisation>;
