/**
 * Data availability per row: present indicators / applicable indicators (COINr's Dat_Avail, with
 * indicators that do not apply to a unit left out of both counts). Rows are independent, so the
 * engine's threads may each measure a range of rows (availabilityOfRows) into one shared column.
 *
 * @example two indicators, row 0 has both, row 1 has one → [1, 0.5]
 */
import { MissingCode } from '../../missing-reasons.js';
import type { ScreeningInput } from './contract.js';

export function availability(input: ScreeningInput): Float64Array {
  if (input.availability !== undefined) return input.availability;
  const share = new Float64Array(input.rowCount);
  availabilityOfRows(input.values, input.reasons, 0, input.rowCount, share);
  return share;
}

/** Writes the availability of rows [from, to) into `share`. */
export function availabilityOfRows(
  values: readonly Float64Array[],
  reasons: readonly Uint8Array[],
  from: number,
  to: number,
  share: Float64Array,
): void {
  const length = to - from;
  const present = new Uint32Array(length);
  const applicable = new Uint32Array(length);
  values.forEach((column, c) => {
    const why = reasons[c];
    for (let i = 0; i < length; i++) {
      const row = from + i;
      if (column[row] === column[row]) {
        present[i] = (present[i] ?? 0) + 1;
        applicable[i] = (applicable[i] ?? 0) + 1;
      } else if (why?.[row] !== MissingCode.NotApplicable) {
        applicable[i] = (applicable[i] ?? 0) + 1;
      }
    }
  });
  for (let i = 0; i < length; i++)
    share[from + i] = applicable[i] === 0 ? 0 : (present[i] ?? 0) / (applicable[i] ?? 0);
}
