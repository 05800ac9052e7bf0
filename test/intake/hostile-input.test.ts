import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { AppError, PayloadTooLargeError, ValidationError } from '../../server/errors.js';
import { decodeText } from '../../server/intake/decode-text.js';
import { readTable } from '../../server/intake/read-table.js';
import { checkUnits } from '../../server/intake/validate-units.js';
import { createDeflateRaw } from 'node:zlib';
import { readZip, writeZip } from './zip-parts.js';

/** `megabytes` MiB of spaces, deflated as a stream (about 1 KB per MiB), never held unpacked. */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i += 1) {
    if (!deflate.write(mebibyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A workbook whose sheet XML is `rows` (the <row> elements), written by hand as an attacker would. */
async function handmadeXlsx(rows: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Data').addRow(['placeholder']);
  const entries = readZip(Buffer.from(await workbook.xlsx.writeBuffer()));
  return writeZip(
    entries.map((entry) => {
      if (entry.name !== 'xl/worksheets/sheet1.xml') return entry;
      const xml = entry.data
        .toString('utf8')
        .replace(/<dimension[^>]*\/>/, '')
        .replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
      return { name: entry.name, data: Buffer.from(xml) };
    }),
  );
}

const headerCell = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function asyncFailure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('intake of hostile input', () => {
  it('names UTF-16 text without a byte-order mark as such, little-endian', () => {
    const bytes = Buffer.from('单位代码,时期,常住户数\r\nC1,2025,300\r\n', 'utf16le');
    const error = failure(() => decodeText({ fileName: 'unicode.txt', bytes }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.equal(
      'unicode.txt looks like UTF-16 text without a byte-order mark; save it from Excel as "CSV UTF-8"',
    );
  });

  it('names UTF-16 text without a byte-order mark as such, big-endian', () => {
    const bytes = Buffer.from('unit_code,households\r\nC1,300\r\n', 'utf16le').swap16();
    expect(failure(() => decodeText({ fileName: 'be.csv', bytes })).message).to.match(
      /^be\.csv looks like UTF-16 text without a byte-order mark/,
    );
  });

  it('still calls bytes with NULs on both sides of the pairs binary', () => {
    const bytes = Buffer.from([0x00, 0x01, 0x00, 0x41, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00, 0x43, 0x44]);
    expect(failure(() => decodeText({ fileName: 'junk.bin', bytes })).message).to.match(
      /^junk\.bin looks like a binary file/,
    );
  });

  it('refuses a JSON cell nested too deeply to write back, naming the file, item and key', async () => {
    const depth = 200_000;
    const text = `[{"code":"C1","name":${'['.repeat(depth)}${']'.repeat(depth)}}]`;
    const error = await asyncFailure(() => readTable({ fileName: 'deep.json', bytes: Buffer.from(text) }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.equal('deep.json: item 1, "name" is nested too deeply to be a cell');
  });

  it('keeps "constructor" and "prototype" columns out of unit attributes, with a warning each', async () => {
    const text = 'code,name,level,constructor,prototype,ward_no\r\nD1,东区,区,x,y,7\r\n';
    const table = await readTable({ fileName: 'units.csv', bytes: Buffer.from(text) });
    const { units, report } = await checkUnits({ table, existing: new Map() });
    expect(units).to.have.length(1);
    expect(Object.keys(units[0]!.attributes)).to.deep.equal(['ward_no']);
    expect(report.issues.map((i) => [i.column?.letter, i.reason, i.severity])).to.deep.equal([
      ['D', 'unknown_column', 'warning'],
      ['E', 'unknown_column', 'warning'],
    ]);
  });

  it('reads a sheet with one header far right (XFD1) without widening every row', async () => {
    let rows = `<row r="1">${headerCell('A1', 'unit_code')}${headerCell('XFD1', 'note')}</row>`;
    for (let r = 2; r <= 20_001; r += 1) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    const started = performance.now();
    const table = await readTable({ fileName: 'far.xlsx', bytes: await handmadeXlsx(rows) });
    expect(performance.now() - started).to.be.below(5000);
    expect(table.headers).to.have.length(16_384);
    expect([table.headers[0], table.headers[16_383]]).to.deep.equal(['unit_code', 'note']);
    expect(table.rows).to.have.length(20_000);
    expect(table.rows[0]).to.deep.equal({ row: 2, cells: [2] });
  });

  it('refuses a sheet whose rows all reach column XFD once it passes 16 Mi cells, naming file and row', async () => {
    let rows = `<row r="1">${headerCell('A1', 'unit_code')}</row>`;
    for (let r = 2; r <= 1100; r += 1)
      rows += `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="XFD${r}"><v>1</v></c></row>`;
    const error = await asyncFailure(async () =>
      readTable({ fileName: 'wide.xlsx', bytes: await handmadeXlsx(rows) }),
    );
    expect(error).to.be.instanceOf(ValidationError);
    // 1,024 rows of 16,384 cells fill the 16,777,216-cell budget; row 1,026 (the 1,025th data row) passes it.
    expect(error.message).to.equal(
      'wide.xlsx is too large to read: sheet "Data" spans more than 16777216 cells by row 1026. ' +
        'Delete unused columns far to the right, or save the sheet as CSV.',
    );
  });

  it('refuses a decompression bomb (a 512 MB part in a small XLSX) before anything inflates it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRow(['unit_code']);
    const entries = readZip(Buffer.from(await workbook.xlsx.writeBuffer()));
    const bomb = {
      name: 'xl/media/pad.bin',
      deflated: await deflatedSpaces(512),
      size: 512 * 1024 * 1024,
      crc: 0,
    };
    const bytes = writeZip([...entries, bomb]);
    expect(bytes.length).to.be.below(1024 * 1024);
    const started = performance.now();
    const error = await asyncFailure(() => readTable({ fileName: 'bomb.xlsx', bytes }));
    expect(performance.now() - started).to.be.below(10_000);
    expect(error).to.be.instanceOf(PayloadTooLargeError);
    expect(error.message).to.equal(
      'bomb.xlsx unpacks to more than 256 MB (an XLSX file is a ZIP archive), too much to read; ' +
        'save the sheet as CSV, or split it. bomb.xlsx 解压后超过 256 MB（XLSX 文件是 ZIP 压缩包），无法读取；' +
        '请另存为 CSV，或拆分文件。',
    );
  });
});
