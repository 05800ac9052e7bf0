/**
 * The pieces of a table export in the format asked for: CSV and JSON as text blocks
 * (export-chunks.ts), XLSX as the bytes of a workbook written row by row (xlsx-chunks.ts).
 * Write them with write-chunks.ts.
 */
import { csvChunks, jsonChunks, type ChunkOptions } from './export-chunks.js';
import type { ExportFormat } from './export-formats.js';
import type { ExportCell } from './export-table.js';
import type { Chunks } from './write-chunks.js';
import { xlsxChunks } from './xlsx-chunks.js';

export interface StreamedTable {
  readonly header: readonly string[];
  /** Read once, in order; a generator does. */
  readonly rows: Iterable<readonly ExportCell[]>;
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export function exportChunks(
  format: ExportFormat,
  table: StreamedTable,
  sheetName: string,
  options: ChunkOptions = {},
): Chunks {
  if (format === 'csv') return csvChunks(table.header, table.rows, options);
  if (format === 'json') return jsonChunks(table.header, table.rows, options);
  return xlsxChunks(table.header, table.rows, sheetName, options);
}

/** Only the rows `keep` says yes to, still one at a time. */
export function* keptRows<Row>(
  rows: Iterable<Row>,
  keep: (row: Row) => boolean,
): Generator<Row, void, undefined> {
  for (const row of rows) if (keep(row)) yield row;
}
