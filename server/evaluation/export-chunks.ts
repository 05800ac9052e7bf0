/**
 * An export table as text in pieces of a few hundred rows, for tables too large for one string
 * (V8 stops near 512 MiB): the pieces joined are byte for byte what tableCsv and tableJson in
 * export-formats.ts write for the whole table. CSV goes through the same safe-csv.ts (the BOM
 * once, before the header); JSON is `[`, the records joined by `,`, then `]`, which is what
 * JSON.stringify writes for the array of records.
 */
import { safeCsv } from '../intake/safe-csv.js';
import type { ExportCell } from './export-table.js';

/**
 * Rows per piece: big enough that writes are few, small enough that a piece stays near a few
 * hundred KB of CSV or a couple of MB of JSON for ~285 columns.
 */
export const EXPORT_BLOCK_ROWS = 200;

export interface ChunkOptions {
  readonly blockRows?: number;
}

type Rows = Iterable<readonly ExportCell[]>;

/** One row as a JSON record keyed by the header (missing cells as null). */
export function exportRecord(
  header: readonly string[],
  row: readonly ExportCell[],
): Record<string, ExportCell> {
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? null]));
}

function* blocks(rows: Rows, size: number): Generator<(readonly ExportCell[])[], void, undefined> {
  let block: (readonly ExportCell[])[] = [];
  for (const row of rows) {
    block.push(row);
    if (block.length >= size) {
      yield block;
      block = [];
    }
  }
  if (block.length > 0) yield block;
}

export function* csvChunks(
  header: readonly string[],
  rows: Rows,
  options: ChunkOptions = {},
): Generator<string, void, undefined> {
  yield safeCsv([header]);
  for (const block of blocks(rows, options.blockRows ?? EXPORT_BLOCK_ROWS))
    yield safeCsv(block, { bom: false });
}

export function* jsonChunks(
  header: readonly string[],
  rows: Rows,
  options: ChunkOptions = {},
): Generator<string, void, undefined> {
  yield '[';
  let separator = '';
  for (const block of blocks(rows, options.blockRows ?? EXPORT_BLOCK_ROWS)) {
    yield separator + block.map((row) => JSON.stringify(exportRecord(header, row))).join(',');
    separator = ',';
  }
  yield ']';
}
