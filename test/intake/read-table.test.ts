import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../server/errors.js';
import { readTable } from '../../server/intake/read-table.js';
import type { Table } from '../../server/intake/table.js';

const file = (fileName: string, content: string | Buffer): { fileName: string; bytes: Buffer } => ({
  fileName,
  bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

async function refusal(fileName: string, content: string | Buffer): Promise<string> {
  try {
    await readTable(file(fileName, content));
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  expect.fail('expected a ValidationError');
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readTable', () => {
  it('reads a CSV with quoted separators and line breaks, numbering rows as a spreadsheet does', async () => {
    const table = await readTable(
      file('a.csv', 'unit_code,note,households\r\nA,"x, y",3\r\nB,"two\nlines",4\r\nC,,5\r\n'),
    );
    expect(table.headers).to.deep.equal(['unit_code', 'note', 'households']);
    expect(table.rows.map((r) => [r.row, ...r.cells])).to.deep.equal([
      [2, 'A', 'x, y', '3'],
      [3, 'B', 'two\nlines', '4'],
      [4, 'C', '', '5'],
    ]);
    expect(table.encoding).to.equal('utf-8');
  });

  it('reads a semicolon-separated CSV', async () => {
    const table = await readTable(file('a.csv', 'unit_code;households\nA;3\n'));
    expect(table.rows[0]?.cells).to.deep.equal(['A', '3']);
  });

  it('reads the sheet named 数据 Data rather than the first one', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['not data']);
      const data = wb.addWorksheet('数据 Data');
      data.addRow(['unit_code', 'households', 'flag']);
      data.addRow(['A', 3, true]);
      data.addRow([420102001001, { formula: 'B2*2', result: 6 }, false]);
    });
    const table: Table = await readTable(file('form.xlsx', bytes));
    expect(table.sheet).to.equal('数据 Data');
    expect(table.format).to.equal('xlsx');
    expect(table.rows.map((r) => [r.row, ...r.cells])).to.deep.equal([
      [2, 'A', 3, 1],
      [3, 420102001001, { formula: 'B2*2', result: 6 }, 0],
    ]);
  });

  it('reads an XLSX even when it is named .csv (the content decides)', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(['unit_code']);
      sheet.addRow(['A']);
    });
    expect((await readTable(file('misnamed.csv', bytes))).format).to.equal('xlsx');
  });

  it('refuses a truncated XLSX, naming the file', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      for (let i = 0; i < 200; i += 1) sheet.addRow([`U${i}`, i, i * 2]);
    });
    const message = await refusal('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(message).to.match(/^cut\.xlsx is not a readable XLSX workbook \(damaged or truncated/);
  });

  it('reads a JSON array of objects, keys in order of first appearance', async () => {
    const table = await readTable(
      file('a.json', '[{"unit_code":"A","households":3},{"unit_code":"B","flag":true,"households":null}]'),
    );
    expect(table.headers).to.deep.equal(['unit_code', 'households', 'flag']);
    expect(table.rows.map((r) => [r.row, ...r.cells])).to.deep.equal([
      [1, 'A', 3, null],
      [2, 'B', null, 1],
    ]);
  });

  it('refuses JSON that is not an array of objects', async () => {
    expect(await refusal('a.json', '{"unit_code":"A"}')).to.equal(
      'a.json must hold a JSON array of objects, one per row',
    );
    expect(await refusal('b.json', '[1, 2]')).to.equal('b.json: item 1 is not an object');
    expect(await refusal('c.json', '[{"a":1},')).to.match(/^c\.json is not valid JSON/);
  });

  it('refuses an empty file and a header without rows, naming the file', async () => {
    expect(await refusal('empty.csv', '')).to.equal('empty.csv is empty');
    expect(await refusal('blank.csv', '\uFEFF \r\n')).to.equal('blank.csv is empty');
    expect(await refusal('header.csv', 'unit_code,period\r\n')).to.equal(
      'header.csv has a header row but no data rows',
    );
    expect(await refusal('header2.csv', 'unit_code,period\r\n,\r\n')).to.equal(
      'header2.csv has a header row but no data rows',
    );
  });

  it('refuses formats it cannot read, saying what they are', async () => {
    expect(await refusal('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).to.match(
      /^old\.xls is a legacy Excel 97–2003/,
    );
    expect(await refusal('scan.csv', Buffer.from('%PDF-1.7\n'))).to.equal(
      'scan.csv is a PDF document, not a data table',
    );
  });

  it('refuses a CSV with an unterminated quote, naming file and line', async () => {
    expect(await refusal('q.csv', 'a,b\n1,"open\n2,3\n')).to.match(
      /^q\.csv, line \d+: not a readable CSV file/,
    );
  });
});
