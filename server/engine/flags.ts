/**
 * Per-cell and per-row flags. A cell flag says what the pipeline did to a value (it stays a number);
 * a row flag says what happened to a unit in a period. Both are bit sets in Uint8Arrays.
 *
 * @example ((flags[i] ?? 0) & CellFlag.Imputed) !== 0 // the value of row i was imputed
 */
export const CellFlag = {
  Imputed: 1,
  /** Set to the next value down by winsorisation. */
  WinsorisedHigh: 2,
  /** Set to the next value up by winsorisation. */
  WinsorisedLow: 4,
  LogTransformed: 8,
  /** Clamped to a goalpost (or capped at the target) by normalisation. */
  Censored: 16,
} as const;

export const RowFlag = {
  /** Below the data-availability threshold and removed from every later stage. */
  ScreenedOut: 1,
  /** Below the data-availability threshold, kept but marked. */
  LowAvailability: 2,
  /** Not a single indicator value for this unit in this period. */
  NoData: 4,
} as const;

/** Names of the bits set in a cell flag, for reports and exports. */
export function cellFlagNames(flag: number): string[] {
  const names: string[] = [];
  if ((flag & CellFlag.Imputed) !== 0) names.push('imputed');
  if ((flag & CellFlag.WinsorisedHigh) !== 0) names.push('winsorised_high');
  if ((flag & CellFlag.WinsorisedLow) !== 0) names.push('winsorised_low');
  if ((flag & CellFlag.LogTransformed) !== 0) names.push('log_transformed');
  if ((flag & CellFlag.Censored) !== 0) names.push('censored');
  return names;
}

/** Names of the bits set in a row flag. */
export function rowFlagNames(flag: number): string[] {
  const names: string[] = [];
  if ((flag & RowFlag.ScreenedOut) !== 0) names.push('screened_out');
  if ((flag & RowFlag.LowAvailability) !== 0) names.push('low_availability');
  if ((flag & RowFlag.NoData) !== 0) names.push('no_data');
  return names;
}
