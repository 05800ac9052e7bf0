/**
 * The one way Zhili writes CSV (validation reports, exports, the audit log, templates, the CLI's
 * score files). Two defences against a spreadsheet running what a hostile cell smuggled in:
 * every text cell that starts like a formula (=, +, -, @, tab or carriage return) gets a leading
 * apostrophe, and every field holding a CR, an LF, the delimiter or a quote is quoted. csv-stringify
 * alone leaves a lone CR or LF unquoted whenever it differs from the record delimiter, so
 * `2\r=cmd|' /C calc'!A0` would start a new row with a live formula. Numbers are written as they
 * are (a negative number is not a formula).
 *
 * @example safeCsv([['a', 'b'], ['2\r=1+1', -3]]) === 'a,b\n"2\r=1+1",-3\n'
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads the Chinese (default true). */
  readonly bom?: boolean;
  /** CRLF record ends, as Excel on Windows writes them (default false: LF). */
  readonly windows?: boolean;
}

/** Anything that would end a field or a record if left bare. */
const NEEDS_QUOTES = /[\r\n",]/;

/** A text a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? String(cell) : neutralise(cell);
}

export function safeCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const text = stringify(
    rows.map((row) => row.map(cellText)),
    { quoted_match: NEEDS_QUOTES, ...(options.windows === true ? { record_delimiter: 'windows' } : {}) },
  );
  return options.bom === false ? text : `\uFEFF${text}`;
}
