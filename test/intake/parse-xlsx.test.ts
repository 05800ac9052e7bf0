/**
 * Issue 19, finding 1: a large workbook is read in a worker thread, so exceljs's long synchronous
 * parse does not hold the event loop (in the main thread a 27 MB-unpacked workbook held it for
 * about 2 s; see the README's threat model for the figures).
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ValidationError } from '../../server/errors.js';
import { IN_PROCESS_XLSX_BYTES, readWorkbookInWorker } from '../../server/intake/parse-xlsx.js';
import { readTable } from '../../server/intake/read-table.js';
import { readWorkbook } from '../../server/intake/read-workbook.js';
import { assertUnpackedSize } from '../../server/intake/xlsx-unpacked-size.js';

async function workbook(rows: number, columns: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  sheet.addRow(['unit_code', ...Array.from({ length: columns - 1 }, (_, i) => `v${i}`)]);
  for (let r = 0; r < rows; r += 1) {
    sheet.addRow([`U${r}`, ...Array.from({ length: columns - 1 }, (_, i) => r * 0.37 + i)]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('parseXlsx', function () {
  this.timeout(120_000);

  it('reads a workbook in a worker thread into the same table as in the main thread', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据 Data');
    sheet.addRow(['unit_code', 'households', 'note']);
    sheet.addRow(['A1', 12, { formula: '1+1', result: 2 }]);
    sheet.addRow(['A2', null, new Date('2025-03-01T00:00:00Z')]);
    const file = { fileName: 'same.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) };
    expect(await readWorkbookInWorker(file)).to.deep.equal(await readWorkbook(file));
  });

  it('refuses in the worker as in the main thread, with the same error and message', async () => {
    const book = new ExcelJS.Workbook();
    const file = { fileName: 'empty.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) };
    let caught: unknown;
    try {
      await readWorkbookInWorker(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ValidationError);
    expect((caught as ValidationError).message).to.equal('empty.xlsx has no worksheet');
  });

  it('never holds the event loop for a second while it reads a workbook of 20,000 rows × 40 columns', async () => {
    const bytes = await workbook(20_000, 40);
    expect(await assertUnpackedSize({ fileName: 'large.xlsx', bytes })).to.be.above(IN_PROCESS_XLSX_BYTES);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const table = await readTable({ fileName: 'large.xlsx', bytes }).finally(() => {
      delay.disable();
    });
    expect(table.rows).to.have.length(20_000);
    expect(table.rows[19_999]?.cells[0]).to.equal('U19999');
    expect(delay.max / 1e6, 'longest event-loop delay, in ms').to.be.below(1000);
  });
});
