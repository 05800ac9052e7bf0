/**
 * The compiled form of a formula node: a function of a row index that returns the node's value,
 * or NaN when the value is missing, in which case `context.reason` says why (a MissingCode).
 * Closures never allocate, so a formula can run over hundreds of thousands of rows cheaply.
 */
import { MissingCode } from '../../engine/missing-reasons.js';

export type RowFunction = (row: number) => number;

/** Mutable per-evaluation state: the reason of the first missing value met in the current row. */
export interface EvaluationContext {
  reason: number;
}

/** Returns `value` when finite; otherwise records not_finite and returns NaN. */
export function finiteOrMissing(value: number, context: EvaluationContext): number {
  if (value - value === 0) return value;
  context.reason = MissingCode.NotFinite;
  return NaN;
}

/** Records `code` as the reason and returns NaN (the missing marker). */
export function missing(code: number, context: EvaluationContext): number {
  context.reason = code;
  return NaN;
}
