/**
 * The last step of a node's aggregation, row by row, so that the engine's threads can each seal a
 * range of rows: a score no child gave (NaN, reason ok) is missing as screened_out for a dropped row,
 * missing_input otherwise; then, as sealMissing, any other non-finite score is not_finite and a
 * finite score has reason ok.
 *
 * @example sealScoreRows(output, why, state.rowFlags, 0, output.length)
 */
import { RowFlag } from '../flags.js';
import { MissingCode } from '../missing-reasons.js';

export function sealScoreRows(
  output: Float64Array,
  why: Uint8Array,
  rowFlags: Uint8Array,
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    const v = output[row] ?? Number.NaN;
    if (v - v === 0) {
      if (why[row] !== MissingCode.Ok) why[row] = MissingCode.Ok;
      continue;
    }
    output[row] = Number.NaN;
    if (why[row] !== MissingCode.Ok) continue;
    if (v !== v)
      why[row] =
        ((rowFlags[row] ?? 0) & RowFlag.ScreenedOut) !== 0
          ? MissingCode.ScreenedOut
          : MissingCode.MissingInput;
    else why[row] = MissingCode.NotFinite;
  }
}
