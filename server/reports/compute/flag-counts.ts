/**
 * How many cells of one indicator carry each treatment flag, from the results' sparse flag map
 * ({ row: bits }): imputed, winsorised (either end), log-transformed, censored.
 *
 * @example flagCounts({ '0': 1, '4': 2 | 8 }) // { imputed: 1, winsorised: 1, logged: 1, censored: 0 }
 */
import { CellFlag } from '../../engine/flags.js';

export interface FlagCounts {
  readonly imputed: number;
  readonly winsorised: number;
  readonly logged: number;
  readonly censored: number;
}

export function flagCounts(flags: Readonly<Record<string, number>> | undefined): FlagCounts {
  let imputed = 0;
  let winsorised = 0;
  let logged = 0;
  let censored = 0;
  for (const bits of Object.values(flags ?? {})) {
    if ((bits & CellFlag.Imputed) !== 0) imputed++;
    if ((bits & (CellFlag.WinsorisedHigh | CellFlag.WinsorisedLow)) !== 0) winsorised++;
    if ((bits & CellFlag.LogTransformed) !== 0) logged++;
    if ((bits & CellFlag.Censored) !== 0) censored++;
  }
  return { imputed, winsorised, logged, censored };
}
