/**
 * Any supported data file → Table: the format sniffed from the content, then parsed. A file with a
 * header but no data rows, or wider than column ZZZ, is refused, naming the file.
 */
import { ValidationError } from '../errors.js';
import { assertColumnCount } from './column-limit.js';
import type { IntakeFile } from './intake-file.js';
import { parseCsv } from './parse-csv.js';
import { parseJson } from './parse-json.js';
import { parseXlsx } from './parse-xlsx.js';
import { sniffFormat } from './sniff-format.js';
import { isBlank, type Table } from './table.js';

export async function readTable(file: IntakeFile): Promise<Table> {
  const format = sniffFormat(file);
  const table =
    format === 'xlsx' ? await parseXlsx(file) : format === 'json' ? parseJson(file) : await parseCsv(file);
  assertColumnCount(table);
  if (table.headers.every((header) => header === ''))
    throw new ValidationError(`${file.fileName} has no header row`);
  if (!table.rows.some((row) => row.cells.some((cell) => !isBlank(cell)))) {
    throw new ValidationError(`${file.fileName} has a header row but no data rows`, [
      { where: file.fileName, message: 'no data rows below the header' },
    ]);
  }
  return table;
}
