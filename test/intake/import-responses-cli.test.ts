import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('CLI: import responses', function () {
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
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-import-responses-'));
    await writeFile(
      path.join(dir, 'units.csv'),
      '单位代码,名称,层级,上级代码\r\nD1,江岸区,区,\r\nA,车站社区,社区,D1\r\n',
    );
    await writeFile(
      path.join(dir, 'survey.csv'),
      'unit_code,weight,satisfaction,sense_of_gain\nA,1,5,4\nA,2,3,\n',
    );
    await writeFile(path.join(dir, 'names.csv'), 'unit_code,身份证号,satisfaction\nA,420102199001011234,7\n');
    expect((await zhili('import', 'units', 'units.csv')).code).to.equal(0);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a respondent file for the default framework and a period', async () => {
    const run = await zhili('import', 'responses', 'survey.csv', '--period', '2025');
    expect(run.code).to.equal(0);
    expect(run.stdout).to.match(/committed batch imp_\S+ .*: 2 row\(s\) from survey\.csv/);
  });

  it('refuses a file with a personal-data column, naming it', async () => {
    const run = await zhili('import', 'responses', 'names.csv', '--period', '2025');
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include('column B (身份证号)').and.include('personal data is not accepted');
    expect(run.stderr).to.include('nothing was imported');
  });

  it('refuses a framework without survey indicators', async () => {
    const run = await zhili('import', 'responses', 'survey.csv', '--framework', 'asem', '--period', '2025');
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include('framework asem lists no survey indicators');
  });
});
