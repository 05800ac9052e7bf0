/**
 * The full results export of the demo city's published evaluation, written in blocks of rows: the
 * download (CSV, JSON) is byte for byte what the whole-table writers make of the same results, a
 * reader scoped to a street gets exactly their communities' rows, the XLSX reads back, and the
 * CLI's `{"evaluation":…,"rows":[…]}` document and its file are what the command wrote before.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { csvChunks, jsonChunks } from '../../server/evaluation/export-chunks.js';
import { tableCsv, tableJson } from '../../server/evaluation/export-formats.js';
import { exportTable, type ExportTable } from '../../server/evaluation/export-table.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { readResults } from '../../server/reports/context/read-results.js';
import { resultsExportChunks, writeChunksOut } from '../../scripts/commands/export-results-output.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { demoApp, type DemoApp } from '../reports/demo-app.js';

describe('full results export in blocks of rows (demo city)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let results: ResultsDocument;
  let table: ExportTable;
  let streetViewer: SeededUser;
  let streetCommunities: Set<string>;
  let dir: string;

  before(async () => {
    app = await demoApp();
    results = readResults(await app.store.evaluations.readResults(app.demo.id));
    table = exportTable(results);
    streetViewer = await seedUser(app.store, 'viewer', { unitScope: ['WY01S01'] });
    streetCommunities = new Set(
      (await app.store.units.list({ parent: 'WY01S01' }))
        .filter((u) => u.level === 'community')
        .map((u) => u.code),
    );
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-streamed-export-'));
  });
  after(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const download = async (format: string, cookie: string): Promise<{ body: Buffer; headers: Headers }> => {
    const response = await fetch(`${app.url}/evaluations/${app.demo.id}?format=${format}&table=results`, {
      headers: { cookie },
    });
    expect(response.status).to.equal(200);
    return { body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  };

  it('has a table worth streaming: several periods of every community', () => {
    expect(results.periods.length).to.be.above(1);
    expect(table.rows).to.have.length(results.periods.length * results.units.length);
  });

  it('joins small blocks to the bytes of tableCsv and tableJson', () => {
    const csv = [...csvChunks(table.header, table.rows, { blockRows: 37 })];
    const json = [...jsonChunks(table.header, table.rows, { blockRows: 37 })];
    expect(csv.length).to.equal(1 + Math.ceil(table.rows.length / 37));
    expect(csv.join('')).to.equal(tableCsv(table));
    expect(json.join('')).to.equal(tableJson(table));
  });

  it('downloads the CSV and JSON an admin got before, as files named after the evaluation', async () => {
    const [csv, json] = await Promise.all([
      download('csv', app.admin.cookie),
      download('json', app.admin.cookie),
    ]);
    expect(csv.body.equals(Buffer.from(tableCsv(table), 'utf8'))).to.equal(true);
    expect(json.body.equals(Buffer.from(tableJson(table), 'utf8'))).to.equal(true);
    expect(csv.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(json.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    expect(csv.headers.get('content-disposition')).to.equal(
      `attachment; filename=zhili-${app.demo.id}-results.csv`,
    );
  });

  it('gives a reader scoped to a street exactly their communities’ rows', async () => {
    const theirs = {
      header: table.header,
      rows: table.rows.filter((row) => streetCommunities.has(String(row[0]))),
    };
    expect(theirs.rows).to.have.length(streetCommunities.size * results.periods.length);
    const [csv, json] = await Promise.all([
      download('csv', streetViewer.cookie),
      download('json', streetViewer.cookie),
    ]);
    expect(csv.body.toString('utf8')).to.equal(tableCsv(theirs));
    expect(json.body.toString('utf8')).to.equal(tableJson(theirs));
  });

  it('downloads an XLSX sheet with every row, a bold header and a frozen first row and column', async () => {
    const xlsx = await download('xlsx', app.admin.cookie);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).to.equal('results');
    expect(sheet.rowCount).to.equal(1 + table.rows.length);
    const cells = (r: number) => table.header.map((_, c) => sheet.getRow(r).getCell(c + 1).value ?? null);
    expect(cells(1)).to.deep.equal(table.header);
    const last = table.rows.length - 1;
    expect(cells(last + 2)).to.deep.equal(table.rows[last]!.map((cell) => (cell === '' ? null : cell)));
    expect(sheet.getRow(1).getCell(1).font.bold).to.equal(true);
    expect(sheet.views[0]).to.include({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('writes the CLI’s JSON document with the bytes of stringifying it whole', async () => {
    const out = path.join(dir, 'results.json');
    const request = { format: 'json', evaluation: app.demo, results, sheetName: 'default' } as const;
    await writeChunksOut(out, resultsExportChunks(request, { blockRows: 50 }));
    const whole = `${JSON.stringify({ evaluation: app.demo, rows: JSON.parse(tableJson(table)) as unknown })}\n`;
    expect(await readFile(out, 'utf8')).to.equal(whole);
  });

  it('leaves an existing file as it was, and no partial file, when an export fails', async () => {
    const out = path.join(dir, 'kept.csv');
    await writeFile(out, 'an older export\n');
    function* failing(): Generator<string> {
      yield* csvChunks(table.header, table.rows.slice(0, 100), { blockRows: 10 });
      throw new Error('the store went away');
    }
    let caught: unknown;
    await writeChunksOut(out, failing()).catch((error: unknown) => (caught = error));
    expect((caught as Error).message).to.equal('the store went away');
    expect(await readFile(out, 'utf8')).to.equal('an older export\n');
    expect((await readdir(dir)).filter((name) => name.includes('kept'))).to.deep.equal(['kept.csv']);
  });
});
