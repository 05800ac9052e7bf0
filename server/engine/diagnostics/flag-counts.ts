/**
 * How many cells of one indicator carry each treatment flag (one byte of flag bits per row):
 * imputed, winsorised (either end), log-transformed, censored.
 *
 * @example flagCounts(Uint8Array.of(1, 0, 4 | 8, 16)) // { imputed: 1, winsorised: 1, logged: 1, censored: 1 }
 */
import { CellFlag } from '../flags.js';

export interface FlagCounts {
  readonly imputed: number;
  readonly winsorised: number;
  readonly logged: number;
  readonly censored: number;
}

export function flagCounts(flags: Uint8Array | undefined): FlagCounts {
  let imputed = 0;
  let winsorised = 0;
  let logged = 0;
  let censored = 0;
  for (const bits of flags ?? []) {
    if ((bits & CellFlag.Imputed) !== 0) imputed++;
    if ((bits & (CellFlag.WinsorisedHigh | CellFlag.WinsorisedLow)) !== 0) winsorised++;
    if ((bits & CellFlag.LogTransformed) !== 0) logged++;
    if ((bits & CellFlag.Censored) !== 0) censored++;
  }
  return { imputed, winsorised, logged, censored };
}
