/**
 * Shared by the normalisations that scale by the spread: the minimum and maximum of the directed
 * values (x * direction, as COINr's Normalise does), and the marking of a column without spread.
 *
 * @example directedRange(Float64Array.of(1, 5), -1) // { min: -5, max: -1 }
 */
import { MissingCode } from '../../missing-reasons.js';
import type { Direction } from '../../types.js';

export function directedRange(x: Float64Array, direction: Direction): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const length = x.length;
  for (let i = 0; i < length; i++) {
    const v = (x[i] ?? Number.NaN) * direction;
    if (v === v) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min === Infinity ? { min: Number.NaN, max: Number.NaN } : { min, max };
}

/** Leaves every present cell missing because the column has no spread. */
export function markNoVariation(input: Float64Array, output: Float64Array, reasons: Uint8Array): void {
  const length = input.length;
  for (let i = 0; i < length; i++) {
    output[i] = Number.NaN;
    if (input[i] === input[i]) reasons[i] = MissingCode.NoVariation;
  }
}
