import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('CLI: import', function () {
  this.timeout(60_000);
  let dir = '';

  /** Runs `zhili import …` from `dir`, with the embedded store in dir/data. */
  function zhili(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(projectRoot, 'scripts', 'zhili.ts'), ...args],
        {
          cwd: projectRoot,
          env: { ...process.env, INIT_CWD: dir, DATA_DIR: path.join(dir, 'data'), MONGODB_URI: '' },
        },
        (error, stdout, stderr) => {
          resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
        },
      );
    });
  }

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-import-cli-'));
    await writeFile(
      path.join(dir, 'units.csv'),
      '单位代码,名称,层级,上级代码\r\nD1,江岸区,区,\r\nA,车站社区,社区,D1\r\n',
    );
    await writeFile(path.join(dir, 'good.csv'), 'unit_code,households,grid_workers\nA,300,2\n');
    await writeFile(path.join(dir, 'bad.csv'), 'unit_code,households\nA,-3\nZ,1\n');
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a unit register and says which batch committed', async () => {
    const run = await zhili('import', 'units', 'units.csv');
    expect(run.code).to.equal(0);
    expect(run.stdout).to.match(/^committed batch imp_\S+ \(sequence \d+\): 2 row\(s\) from units\.csv/);
  });

  it('imports a data file for a period, and a second time changes nothing', async () => {
    const first = await zhili('import', 'data', 'good.csv', '--period', '2025');
    expect(first.code).to.equal(0);
    expect(first.stdout).to.match(/committed batch .*: 1 row\(s\) from good\.csv/);
    const again = await zhili('import', 'data', 'good.csv', '--period', '2025');
    expect(again.code).to.equal(0);
    expect(again.stdout).to.match(/good\.csv was imported before as batch imp_\S+ .*; nothing changed/);
  });

  it('exits 1 on a bad file, names the first problems and writes the report', async () => {
    const run = await zhili('import', 'data', 'bad.csv', '--period', '2025');
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include('bad.csv: 2 error(s), 0 warning(s); nothing was imported');
    expect(run.stderr).to.include('row 2, column B (households): 计数为负 negative count "-3"');
    const reportFile = path.join(dir, 'bad.report.csv');
    expect(run.stderr).to.include(`Full report: ${reportFile}`);
    const report = await readFile(reportFile, 'utf8');
    expect(report.split('\r\n').filter((line) => line !== '')).to.have.length(3);
  });

  it('exits 1 with a clear message for an empty file', async () => {
    await writeFile(path.join(dir, 'empty.csv'), '');
    const run = await zhili('import', 'data', 'empty.csv', '--period', '2025');
    expect(run.code).to.equal(1);
    expect(run.stderr.trim()).to.equal('empty.csv is empty');
  });
});
