/**
 * The cells the formula-injection tests put into every CSV writer, and the check they share: the
 * output parses back to exactly the rows written (a lone CR or LF inside a cell must not start a
 * new row) and no cell begins with a live formula trigger.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';

/** A number, then a line break, then a formula: unquoted, the break starts a row beginning with =. */
export const HOSTILE_CELLS = [
  "2\r=cmd|' /C calc'!A0",
  "2\n=cmd|' /C calc'!A0",
  "2\r\n@SUM(1+1)*cmd|' /C calc'!A0",
];

/**
 * Parses `csv` (BOM or not) as a spreadsheet does, taking a bare CR, LF or CRLF outside quotes for
 * the end of a record, and checks its shape; returns the records for further checks.
 */
export function expectInertCsv(csv: string, rows: number): string[][] {
  const records: string[][] = parse(csv, {
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\r', '\n'],
  });
  expect(records, 'records').to.have.length(rows);
  for (const cell of records.flat()) expect(cell, 'a cell').not.to.match(/^[=+\-@]/);
  return records;
}
