/**
 * XLSX upload → Table. The unpacked-size guard runs first (xlsx-unpacked-size.ts); a workbook
 * that passes is read with exceljs (read-workbook.ts), here when it is small and in a worker
 * thread when it is large: exceljs parses a whole workbook in one synchronous stretch, and a
 * 23 MB workbook held the event loop for over 10 s. In the worker it also has a heap of its own,
 * so a workbook that still needs too much memory ends the worker, not the server, and is
 * refused as too large.
 *
 * @example const table = await parseXlsx({ fileName: 'data.xlsx', bytes })
 */
import { PayloadTooLargeError, ValidationError } from '../errors.js';
import { spawnTsWorker } from '../workers/spawn-ts-worker.js';
import type { IntakeFile } from './intake-file.js';
import { readWorkbook } from './read-workbook.js';
import type { Table, TableRow } from './table.js';
import type { FromXlsxWorker, ToXlsxWorker } from './xlsx-worker-messages.js';
import { assertUnpackedSize } from './xlsx-unpacked-size.js';

/** Workbooks that unpack to more than this are read in a worker thread (a few thousand rows). */
export const IN_PROCESS_XLSX_BYTES = 4 * 1024 * 1024;

/** The worker's heap: about ten times the largest workbook the guard lets through. */
const WORKER_HEAP_MB = 3072;

function refusal(reply: Extract<FromXlsxWorker, { kind: 'failed' }>): Error {
  if (reply.name === 'ValidationError') return new ValidationError(reply.message, reply.details);
  if (reply.name === 'PayloadTooLargeError') return new PayloadTooLargeError(reply.message, reply.details);
  return new Error(`reading the workbook failed: ${reply.message}`);
}

function outOfMemory(fileName: string): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `${fileName} needs too much memory to read as a workbook; save the sheet as CSV, or split it. ` +
      `${fileName} 读取时需要的内存过多；请另存为 CSV，或拆分文件。`,
    [{ where: fileName, message: `more than ${WORKER_HEAP_MB} MB of memory to read` }],
  );
}

/** Reads the workbook in a worker thread, taking its rows in one slice per turn of the event loop. */
export async function readWorkbookInWorker(file: IntakeFile): Promise<Table> {
  const worker = spawnTsWorker(new URL('./xlsx-worker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  try {
    return await new Promise<Table>((resolve, reject) => {
      let head: Omit<Table, 'rows'> | undefined;
      const rows: TableRow[] = [];
      const ask = (message: ToXlsxWorker, transfer: ArrayBuffer[] = []): void => {
        worker.postMessage(message, transfer);
      };
      worker.on('message', (reply: FromXlsxWorker) => {
        if (reply.kind === 'failed') {
          reject(refusal(reply));
          return;
        }
        if (reply.kind === 'done') {
          if (head === undefined) reject(new Error('the workbook reader ended without a table'));
          else resolve({ ...head, rows });
          return;
        }
        if (reply.kind === 'head') head = reply.table;
        else rows.push(...reply.rows);
        setImmediate(() => {
          ask({ kind: 'next' });
        });
      });
      worker.on('error', (error: Error & { code?: string }) => {
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(file.fileName) : error);
      });
      worker.on('exit', (code) => {
        reject(new Error(`the workbook reader stopped (exit code ${code})`));
      });
      const bytes = new Uint8Array(file.bytes);
      ask({ kind: 'read', fileName: file.fileName, bytes }, [bytes.buffer]);
    });
  } finally {
    await worker.terminate();
  }
}

export async function parseXlsx(file: IntakeFile): Promise<Table> {
  const unpacked = await assertUnpackedSize(file);
  return unpacked <= IN_PROCESS_XLSX_BYTES ? readWorkbook(file) : readWorkbookInWorker(file);
}
