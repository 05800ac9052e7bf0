/**
 * parseIData(text): a COINr iData table (uCode, uName, Time?, then one column per indicator,
 * denominator or group) as numeric columns, for the goalposts and fixtures of an import.
 * Empty or non-numeric cells (group labels) are missing.
 */
import { parse } from 'csv-parse/sync';

export interface IData {
  /** The unit codes (uCode), one per row. */
  readonly units: readonly string[];
  readonly columns: ReadonlySet<string>;
  /** The column's value on each row; undefined where missing. */
  column(code: string): readonly (number | undefined)[];
}

export function parseIData(text: string): IData {
  const records = parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  const columns = new Set(Object.keys(records[0] ?? {}));
  return {
    units: records.map((record) => record.uCode ?? ''),
    columns,
    column: (code) =>
      records.map((record) => {
        const text = record[code] ?? '';
        const value = Number(text);
        return text === '' || !Number.isFinite(value) ? undefined : value;
      }),
  };
}
