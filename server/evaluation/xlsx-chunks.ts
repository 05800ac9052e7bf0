/**
 * An export table as an XLSX workbook written row by row (ExcelJS's streaming writer), so a table
 * of 300,000 rows never sits in memory as a workbook: the same sheet as tableXlsx in
 * export-formats.ts (name cut to Excel's 31 characters, bold header, first row and column frozen).
 * The workbook's bytes come out of the returned stream; rows are added only while that stream has
 * room, so the reader sets the pace.
 */
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { EXPORT_BLOCK_ROWS, type ChunkOptions } from './export-chunks.js';
import type { ExportCell } from './export-table.js';

/** Waits until the stream has room (or lets the zip writer run a turn); throws once it is closed. */
async function room(stream: PassThrough): Promise<void> {
  if (stream.destroyed) throw new Error('the workbook stream closed before the last row');
  if (!stream.writableNeedDrain) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  await Promise.race([
    once(stream, 'drain'),
    once(stream, 'close').then(() => {
      throw new Error('the workbook stream closed before the last row');
    }),
  ]);
}

async function fill(
  stream: PassThrough,
  header: readonly string[],
  rows: Iterable<readonly ExportCell[]>,
  sheetName: string,
  blockRows: number,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  let count = 0;
  // ExcelJS writes strings as strings, never formulas; no neutralising needed.
  for (const row of rows) {
    sheet.addRow([...row]).commit();
    count += 1;
    if (count % blockRows === 0) await room(stream);
  }
  sheet.commit();
  await workbook.commit();
}

export function xlsxChunks(
  header: readonly string[],
  rows: Iterable<readonly ExportCell[]>,
  sheetName: string,
  options: ChunkOptions = {},
): Readable {
  const stream = new PassThrough();
  fill(stream, header, rows, sheetName, options.blockRows ?? EXPORT_BLOCK_ROWS).catch((error: unknown) => {
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return stream;
}
