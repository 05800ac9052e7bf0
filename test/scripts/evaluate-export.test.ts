import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);

describe('CLI: demo, evaluate, export', function () {
  this.timeout(120_000);
  let dir: string;
  const zhili = (...args: string[]): Promise<{ stdout: string; stderr: string }> =>
    run('npx', ['tsx', 'scripts/zhili.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: path.join(dir, 'data'), MONGODB_URI: '' },
    });

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-cli-'));
    await zhili('demo');
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('evaluates a period, then exports one CSV row per community with scores and ranks', async () => {
    const { stdout } = await zhili('evaluate', 'sdg_style', '--period', '2025');
    const id = /evaluation (\S+) \(draft\)/.exec(stdout)?.[1];
    expect(id, stdout).to.be.a('string');
    const out = path.join(dir, 'export.csv');
    await zhili('export', id!, '--format', 'csv', '--out', out);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFF')).to.equal(true);
    const lines = text.trim().split('\n');
    expect(lines).to.have.length(1001);
    const header = lines[0]!.replace('\uFEFF', '').split(',');
    expect(header.slice(0, 5)).to.deep.equal(['unit_code', 'name_zh', 'name_en', 'parent', 'period']);
    expect(header).to.include.members([
      'index.score',
      'index.rank',
      'coverage.score',
      'grid_household_coverage.raw',
    ]);
    const rankColumn = header.indexOf('index.rank');
    const ranks = lines.slice(1).map((l) => Number(l.split(',')[rankColumn]));
    expect(Math.min(...ranks.filter((r) => r > 0))).to.equal(1);
  });

  it('exports XLSX with the same header', async () => {
    const { stdout } = await zhili('evaluate', 'default', '--period', '2024', '--publish');
    const id = /evaluation (\S+) \(published\)/.exec(stdout)?.[1];
    const out = path.join(dir, 'export.xlsx');
    await zhili('export', id!, '--format', 'xlsx', '--out', out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).to.equal(1001);
    expect(sheet.getRow(1).getCell(1).value).to.equal('unit_code');
  });

  it('names a missing evaluation and exits 1', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await zhili('export', 'no-such-evaluation');
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.equal(1);
    expect(caught.stderr).to.include('no evaluation no-such-evaluation');
  });
});
