/**
 * What `export --format csv|xlsx|json` writes, shared by the direct and the through-the-server
 * paths: the results table (export-table.ts) made and written a block of rows at a time, so an
 * evaluation of 100,000 communities (gigabytes of JSON) never becomes one string. JSON is the
 * document `{"evaluation":…,"rows":[…]}` plus a newline, the same bytes as stringifying it whole.
 * A file is written next to its target under a temporary name and renamed at the end: an export
 * that fails leaves no half-written file (and an older file of that name as it was).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChunkOptions } from '../../server/evaluation/export-chunks.js';
import { jsonChunks } from '../../server/evaluation/export-chunks.js';
import type { ExportFormat } from '../../server/evaluation/export-formats.js';
import { exportHeader, exportRows } from '../../server/evaluation/export-table.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { exportChunks } from '../../server/evaluation/streamed-export.js';
import { writeChunks, type Chunks } from '../../server/evaluation/write-chunks.js';

export interface ResultsExport {
  readonly format: ExportFormat;
  /** The evaluation as the JSON document names it. */
  readonly evaluation: unknown;
  readonly results: ResultsDocument;
  /** The XLSX sheet's name. */
  readonly sheetName: string;
}

function* jsonDocument(evaluation: unknown, rows: Iterable<string>): Generator<string, void, undefined> {
  yield `{"evaluation":${JSON.stringify(evaluation)},"rows":`;
  yield* rows;
  yield '}\n';
}

export function resultsExportChunks(request: ResultsExport, options: ChunkOptions = {}): Chunks {
  const table = { header: exportHeader(request.results), rows: exportRows(request.results) };
  if (request.format !== 'json') return exportChunks(request.format, table, request.sheetName, options);
  return jsonDocument(request.evaluation, jsonChunks(table.header, table.rows, options));
}

/** Writes the pieces to `out` when given (and says so on stderr), otherwise to stdout. */
export async function writeChunksOut(out: string | undefined, chunks: Chunks): Promise<void> {
  if (out === undefined) {
    await writeChunks(process.stdout, chunks, { end: false });
    return;
  }
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  try {
    await writeChunks(createWriteStream(temporary), chunks);
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  console.error(`wrote ${out}`);
}
