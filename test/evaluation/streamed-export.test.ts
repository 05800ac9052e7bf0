/**
 * The export writers that work a block of rows at a time (export-chunks.ts, xlsx-chunks.ts,
 * write-chunks.ts) on small tables: the pieces join to the bytes the whole-table writers give,
 * there are several pieces when the block is small, the writer waits for a full destination to
 * drain, and a failure before or after the first piece ends the writing as it should.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { csvChunks, jsonChunks } from '../../server/evaluation/export-chunks.js';
import { tableCsv, tableJson, tableXlsx } from '../../server/evaluation/export-formats.js';
import type { ExportCell } from '../../server/evaluation/export-table.js';
import { writeChunks } from '../../server/evaluation/write-chunks.js';
import { xlsxChunks } from '../../server/evaluation/xlsx-chunks.js';
import { HOSTILE_CELLS } from '../support/csv-injection.js';

const header = ['unit_code', 'name_zh', 'index.score', 'x.missing_reason'];
const rows: ExportCell[][] = [
  ['A1', '和平社区', 81.25, null],
  ['A2', '=1+1, "x"', -3, 'not_collected'],
  ...HOSTILE_CELLS.map((name, i): ExportCell[] => [`H${i}`, name, i, null]),
  ['A3', '', 0, '@SUM(A1)'],
  ['A4', null, 1e-7, '+1'],
];

/** A destination that takes one piece at a time, a turn of the event loop each, and keeps them. */
class SlowSink extends Writable {
  readonly pieces: string[] = [];
  drains = 0;
  constructor(private readonly failAt = Infinity) {
    super({ highWaterMark: 1, decodeStrings: false });
    this.on('drain', () => (this.drains += 1));
  }
  override _write(chunk: string | Buffer, _encoding: string, done: (error?: Error | null) => void): void {
    if (this.pieces.length === this.failAt) {
      done(new Error('disk full'));
      return;
    }
    this.pieces.push(String(chunk));
    setImmediate(done);
  }
}

describe('export in blocks of rows', () => {
  it('writes the CSV of tableCsv byte for byte, the BOM once, in several pieces', () => {
    const pieces = [...csvChunks(header, rows, { blockRows: 2 })];
    expect(pieces.join('')).to.equal(tableCsv({ header, rows }));
    expect(pieces).to.have.length(1 + Math.ceil(rows.length / 2));
    expect(pieces.filter((piece) => piece.includes('\uFEFF'))).to.have.length(1);
  });

  it('writes the JSON of tableJson byte for byte, in several pieces', () => {
    const pieces = [...jsonChunks(header, rows, { blockRows: 3 })];
    expect(pieces.join('')).to.equal(tableJson({ header, rows }));
    expect(pieces).to.have.length(2 + Math.ceil(rows.length / 3));
  });

  it('writes an empty table as the whole-table writers do', () => {
    expect([...csvChunks(header, [])].join('')).to.equal(tableCsv({ header, rows: [] }));
    expect([...jsonChunks(header, [])].join('')).to.equal('[]');
  });

  it('waits for a full destination to drain before the next piece', async () => {
    const sink = new SlowSink();
    const pieces = [...csvChunks(header, rows, { blockRows: 1 })];
    await writeChunks(sink, pieces);
    expect(sink.pieces).to.deep.equal(pieces);
    // Every write fills the one-byte buffer; each next piece waited for the drain.
    expect(sink.drains).to.equal(pieces.length);
    expect(sink.writableFinished).to.equal(true);
  });

  it('makes no rows past the point where the destination failed', async () => {
    let made = 0;
    function* counted(): Generator<ExportCell[]> {
      for (const row of rows) {
        made += 1;
        yield row;
      }
    }
    const sink = new SlowSink(2);
    let caught: unknown;
    await writeChunks(sink, csvChunks(header, counted(), { blockRows: 1 })).catch((error: unknown) => {
      caught = error;
    });
    expect((caught as Error).message).to.equal('disk full');
    expect(sink.pieces).to.have.length(2);
    expect(made).to.be.below(rows.length);
  });

  it('writes nothing when the first piece fails, and stops after a later piece fails', async () => {
    function* failing(after: number): Generator<string> {
      for (let i = 0; i < after; i += 1) yield `piece ${i}\n`;
      throw new Error('bad row');
    }
    const first = new SlowSink();
    const later = new SlowSink();
    const [a, b] = await Promise.allSettled([writeChunks(first, failing(0)), writeChunks(later, failing(2))]);
    expect([a.status, b.status]).to.deep.equal(['rejected', 'rejected']);
    expect(first.pieces).to.deep.equal([]);
    expect(later.pieces).to.deep.equal(['piece 0\n', 'piece 1\n']);
    expect(later.writableEnded).to.equal(false);
  });

  it('leaves the destination open when asked (standard output)', async () => {
    const sink = new SlowSink();
    await writeChunks(sink, ['a', 'b'], { end: false });
    expect(sink.writableEnded).to.equal(false);
  });

  it('writes the XLSX sheet of tableXlsx: same name, cells, bold header, frozen first row and column', async () => {
    const long = 'a sheet name longer than Excel allows';
    const buffers: Buffer[] = [];
    for await (const piece of xlsxChunks(header, rows, long, { blockRows: 2 })) buffers.push(piece as Buffer);
    const [streamed, whole] = await Promise.all([
      sheetOf(Buffer.concat(buffers)),
      sheetOf(await tableXlsx({ header, rows }, long)),
    ]);
    expect(streamed.name).to.equal(long.slice(0, 31)).and.equal(whole.name);
    expect(streamed.rowCount)
      .to.equal(1 + rows.length)
      .and.equal(whole.rowCount);
    // Row by row, the sheet writes text inline, and an empty text reads back as an empty cell.
    const emptied = cellsOf(whole).map((row) => row.map((cell) => (cell === '' ? null : cell)));
    expect(cellsOf(streamed)).to.deep.equal(emptied);
    expect(cellsOf(streamed)[0]).to.deep.equal(header);
    expect(cellsOf(streamed)[2]).to.deep.equal(rows[1]);
    expect(streamed.getRow(1).getCell(1).font.bold).to.equal(true);
    // ExcelJS's types say every cell has a font; a cell without a style has none.
    const plain = streamed.getRow(2).getCell(1).font as Partial<ExcelJS.Font> | undefined;
    expect(plain?.bold).to.not.equal(true);
    expect(streamed.views[0]).to.include({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('adds workbook rows only while the reader takes the bytes', async () => {
    const total = 20_000;
    let made = 0;
    function* many(): Generator<ExportCell[]> {
      for (; made < total;) {
        made += 1;
        yield [`U${made}`, `社区 ${made} ${'x'.repeat(40)}`, made / 7, null];
      }
    }
    const stream = xlsxChunks(header, many(), 'results', { blockRows: 10 });
    // Nobody reads: the zip writer fills the stream's buffer, then the rows stop.
    while (stream.readableLength < stream.readableHighWaterMark) await turn();
    const stalled = made;
    for (let i = 0; i < 20; i += 1) await turn();
    expect(made).to.equal(stalled).and.be.below(total);
    let bytes = 0;
    for await (const piece of stream) bytes += (piece as Buffer).length;
    expect(made).to.equal(total);
    expect(bytes).to.be.above(0);
  });
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function sheetOf(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(file).buffer);
  return workbook.worksheets[0]!;
}

function cellsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  return Array.from({ length: sheet.rowCount }, (_, r) =>
    header.map((_h, c) => sheet.getRow(r + 1).getCell(c + 1).value ?? null),
  );
}
