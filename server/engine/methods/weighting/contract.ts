/**
 * What a weighting method receives and returns: the prepared tree and the normalised indicator
 * columns (all periods); out come the weights of every node's children, aligned with
 * `TreeAggregate.children`, and notes for the log. Weights are relative within each parent;
 * aggregation rescales them over the children a unit actually has.
 */
import type { LogValue } from '../../log.js';
import type { PreparedTree } from '../../tree.js';
import type { MethodDefinition, PreparedMethod } from '../method.js';

export interface WeightingInput {
  readonly tree: PreparedTree;
  /** Normalised indicator values by indicator id, every row (all periods pooled). */
  readonly normalised: ReadonlyMap<string, Float64Array>;
}

export interface WeightingNote {
  readonly node: string;
  readonly message: string;
  readonly data?: Readonly<Record<string, LogValue>>;
}

export interface WeightingOutcome {
  readonly weights: ReadonlyMap<string, Float64Array>;
  readonly notes: readonly WeightingNote[];
}

export type WeightingRun = (input: WeightingInput) => WeightingOutcome;

export interface PreparedWeighting extends PreparedMethod<WeightingRun> {
  /** The method needs non-negative normalised values (entropy). */
  readonly needsNonNegative: boolean;
}

export type WeightingMethod<Name extends string> = MethodDefinition<Name, PreparedWeighting>;
