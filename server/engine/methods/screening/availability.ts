/**
 * Data availability per row: present indicators / applicable indicators (COINr's Dat_Avail, with
 * indicators that do not apply to a unit left out of both counts).
 *
 * @example two indicators, row 0 has both, row 1 has one → [1, 0.5]
 */
import { MissingCode } from '../../missing-reasons.js';
import type { ScreeningInput } from './contract.js';

export function availability({ values, reasons, rowCount }: ScreeningInput): Float64Array {
  const present = new Uint32Array(rowCount);
  const applicable = new Uint32Array(rowCount);
  values.forEach((column, c) => {
    const why = reasons[c] ?? new Uint8Array(rowCount);
    for (let i = 0; i < rowCount; i++) {
      if (column[i] === column[i]) {
        present[i] = (present[i] ?? 0) + 1;
        applicable[i] = (applicable[i] ?? 0) + 1;
      } else if (why[i] !== MissingCode.NotApplicable) {
        applicable[i] = (applicable[i] ?? 0) + 1;
      }
    }
  });
  const share = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++)
    share[i] = applicable[i] === 0 ? 0 : (present[i] ?? 0) / (applicable[i] ?? 0);
  return share;
}
