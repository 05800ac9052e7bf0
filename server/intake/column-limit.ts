/**
 * The widest table Zhili reads: 18,278 columns, A to ZZZ. Every issue names its column by letter,
 * and a report stores letters of at most three; a wider file (a CSV can be any width) is refused
 * up front, naming the count and the limit, before any header matching or checking starts.
 *
 * @example assertColumnCount(table) // throws ValidationError for a header of 20,000 columns
 */
import { ValidationError } from '../errors.js';
import type { Table } from './table.js';

/** ZZZ: 26 + 26² + 26³. */
export const MAX_COLUMNS = 18_278;

export function assertColumnCount(table: Table): void {
  const wide =
    table.headers.length > MAX_COLUMNS
      ? { row: 1, count: table.headers.length }
      : table.rows.find((row) => row.cells.length > MAX_COLUMNS);
  if (wide === undefined) return;
  const count = 'count' in wide ? wide.count : wide.cells.length;
  const where = `${table.fileName}, row ${wide.row}`;
  throw new ValidationError(
    `${where}: ${count} 列，超过上限 ${MAX_COLUMNS} 列（A–ZZZ）；has ${count} columns, more than the ` +
      `limit of ${MAX_COLUMNS} (A to ZZZ). Delete the unused columns, or split the file.`,
    [{ where, message: `${count} columns > ${MAX_COLUMNS}` }],
  );
}
