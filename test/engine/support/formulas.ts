/**
 * Test-only formula objects with the shape the registry's compiled formulas have
 * (evaluateColumns over whole columns): a pass-through of one variable and a ratio of two.
 */
import { MissingCode } from '../../../server/engine/missing-reasons.js';
import type { ColumnFormula, ComputedColumn } from '../../../server/engine/types.js';

/** The value of one variable; a missing variable gives missing_input. */
export function variable(name: string): ColumnFormula {
  return {
    evaluateColumns(columns, length): ComputedColumn {
      const source = columns.get(name);
      const values = new Float64Array(length).fill(Number.NaN);
      const reasons = new Uint8Array(length).fill(MissingCode.MissingInput);
      for (let i = 0; i < length; i++) {
        const v = source?.[i] ?? Number.NaN;
        if (Number.isFinite(v)) {
          values[i] = v;
          reasons[i] = MissingCode.Ok;
        }
      }
      return { values, reasons };
    },
  };
}

/** numerator / denominator, with division_by_zero for a zero denominator. */
export function ratio(numerator: string, denominator: string): ColumnFormula {
  return {
    evaluateColumns(columns, length): ComputedColumn {
      const a = columns.get(numerator);
      const b = columns.get(denominator);
      const values = new Float64Array(length).fill(Number.NaN);
      const reasons = new Uint8Array(length).fill(MissingCode.MissingInput);
      for (let i = 0; i < length; i++) {
        const x = a?.[i] ?? Number.NaN;
        const y = b?.[i] ?? Number.NaN;
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (y === 0) {
          reasons[i] = MissingCode.DivisionByZero;
          continue;
        }
        values[i] = x / y;
        reasons[i] = MissingCode.Ok;
      }
      return { values, reasons };
    },
  };
}
