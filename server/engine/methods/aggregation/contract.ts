/**
 * What an aggregation method receives and returns. The stage calls it once per tree node and period
 * with the children's columns for that period (normalised indicators or child scores), their weights
 * (relative, aligned with the children) and an output column. Missing children are skipped and the
 * weights rescaled over the children present, as COINr's a_amean does; a row with no child present
 * stays missing (the stage fills in why). A method may set a reason itself (domain_error …).
 */
import type { MethodDefinition, PreparedMethod } from '../method.js';

export interface AggregationContext {
  readonly node: string;
  readonly children: readonly string[];
  readonly period: string;
  /** The code of the unit in a row of this period's columns (for error messages). */
  readonly unitCode: (row: number) => string;
}

export type AggregationRun = (
  children: readonly Float64Array[],
  weights: Float64Array,
  output: Float64Array,
  reasons: Uint8Array,
  context: AggregationContext,
) => void;

export interface PreparedAggregation extends PreparedMethod<AggregationRun> {
  /** The method needs every child value to be > 0 (geometric, harmonic). */
  readonly needsPositive: boolean;
  /** Each output row depends on that row of the children alone, so threads may split the rows. */
  readonly byRow?: boolean;
}

export type AggregationMethod<Name extends string> = MethodDefinition<Name, PreparedAggregation>;
