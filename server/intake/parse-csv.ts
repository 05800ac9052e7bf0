/**
 * CSV text → Table, with csv-parse: the separator detected from the header line, quoted fields
 * (with separators and line breaks inside) honoured, ragged rows kept as they are (the checks
 * report extra cells). Each record is one row as a spreadsheet shows it; the header is row 1. The
 * text goes to the parser a megabyte at a time, so a large file does not hold up other requests.
 */
import { CsvError, parse, type Options } from 'csv-parse';
import { ValidationError } from '../errors.js';
import { decodeText } from './decode-text.js';
import { detectSeparator } from './detect-separator.js';
import type { IntakeFile } from './intake-file.js';
import type { Table, TableRow } from './table.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Characters handed to the parser at a time, with a pause for other requests after each. */
const CHUNK = 1 << 20;

/** The records of `text`, parsed a chunk at a time (never splitting a surrogate pair). */
async function records(text: string, options: Options): Promise<string[][]> {
  const parser = parse(options);
  const out: string[][] = [];
  let failure: Error | undefined;
  parser.on('readable', () => {
    for (let record: unknown = parser.read(); record !== null; record = parser.read())
      out.push(record as string[]);
  });
  parser.on('error', (error: Error) => {
    failure ??= error;
  });
  const closed = new Promise((resolve) => parser.once('close', resolve));
  for (let at = 0; at < text.length && !parser.destroyed;) {
    let end = Math.min(at + CHUNK, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
    parser.write(text.slice(at, end));
    at = end;
    await yieldToEventLoop();
  }
  if (!parser.destroyed) parser.end();
  await closed;
  if (failure !== undefined) throw failure;
  return out;
}

export async function parseCsv(file: IntakeFile): Promise<Table> {
  const { text, encoding } = decodeText(file);
  let parsed: string[][];
  try {
    parsed = await records(text, {
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
  const [header, ...body] = parsed;
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
