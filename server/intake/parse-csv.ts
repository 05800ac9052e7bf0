/**
 * CSV text → Table, with csv-parse: the separator detected from the header line, quoted fields
 * (with separators and line breaks inside) honoured, ragged rows kept as they are (the checks
 * report extra cells). Each record is one row as a spreadsheet shows it; the header is row 1.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { ValidationError } from '../errors.js';
import { decodeText } from './decode-text.js';
import { detectSeparator } from './detect-separator.js';
import type { IntakeFile } from './intake-file.js';
import type { Table, TableRow } from './table.js';

export function parseCsv(file: IntakeFile): Table {
  const { text, encoding } = decodeText(file);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectSeparator(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    const where = line === undefined ? file.fileName : `${file.fileName}, line ${line}`;
    throw new ValidationError(`${where}: not a readable CSV file (${error.message})`, [
      { where, message: error.message },
    ]);
  }
  const [header, ...body] = records;
  if (header === undefined) throw new ValidationError(`${file.fileName} is empty`);
  const rows: TableRow[] = body.map((cells, index) => ({ row: index + 2, cells }));
  return {
    fileName: file.fileName,
    format: 'csv',
    encoding,
    sheet: null,
    headers: header.map((h) => h.trim()),
    rows,
  };
}
