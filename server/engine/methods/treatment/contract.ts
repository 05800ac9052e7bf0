/**
 * What an outlier-treatment method receives and returns: one indicator in one period (NaN = missing)
 * in, the treated values out (the same array when nothing changed), the per-cell flags to add, and
 * the details the log records (skewness and kurtosis before and after, points winsorised …).
 */
import type { LogValue } from '../../log.js';
import type { MethodDefinition, PreparedMethod } from '../method.js';

export type TreatmentResult = 'not_tested' | 'passed' | 'winsorised' | 'log_transformed';

export interface TreatmentOutcome {
  readonly values: Float64Array;
  /** CellFlag bits to add per cell, or undefined when no cell changed. */
  readonly flags: Uint8Array | undefined;
  readonly result: TreatmentResult;
  readonly details: Readonly<Record<string, LogValue>>;
}

export type TreatmentRun = (x: Float64Array) => TreatmentOutcome;
export type PreparedTreatment = PreparedMethod<TreatmentRun>;
export type TreatmentMethod<Name extends string> = MethodDefinition<Name, PreparedTreatment>;
