/**
 * A worker thread that reads one XLSX workbook with exceljs (read-workbook.ts) and hands the
 * table back: the header first, then a slice of rows each time the main thread asks for more, so
 * exceljs's seconds of parsing never hold up the server and neither does taking the rows in. A
 * refusal goes back as the error's name, message and details.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { readWorkbook } from './read-workbook.js';
import type { TableRow } from './table.js';
import { XLSX_ROW_SLICE, type FromXlsxWorker, type ToXlsxWorker } from './xlsx-worker-messages.js';

const port = parentPort;
if (port === null) throw new Error('xlsx-worker must run in a worker thread');

let rows: readonly TableRow[] = [];
let sent = 0;

function send(reply: FromXlsxWorker): void {
  port?.postMessage(reply);
}

async function read(fileName: string, bytes: Uint8Array): Promise<void> {
  try {
    const table = await readWorkbook({
      fileName,
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    });
    const { rows: all, ...head } = table;
    rows = all;
    send({ kind: 'head', table: head });
  } catch (error) {
    send({
      kind: 'failed',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      details: error instanceof AppError ? error.details : [],
    });
  }
}

port.on('message', (message: ToXlsxWorker) => {
  if (message.kind === 'read') {
    void read(message.fileName, message.bytes);
    return;
  }
  if (sent >= rows.length) {
    send({ kind: 'done' });
    return;
  }
  send({ kind: 'rows', rows: rows.slice(sent, sent + XLSX_ROW_SLICE) });
  sent += XLSX_ROW_SLICE;
});
