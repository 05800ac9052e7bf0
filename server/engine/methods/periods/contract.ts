/**
 * How periods share normalisation bounds: a periods method splits the periods into consecutive
 * blocks, and normalisation computes its bounds (min, max, mean …) once per block.
 */
import type { MethodDefinition, PreparedMethod } from '../method.js';

/** [first period, last period + 1) of each block. */
export type PeriodBlocks = readonly (readonly [number, number])[];

export type PeriodsRun = (periodCount: number) => PeriodBlocks;
export type PreparedPeriods = PreparedMethod<PeriodsRun>;
export type PeriodsMethod<Name extends string> = MethodDefinition<Name, PreparedPeriods>;
