import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { brokenDir, goodDir } from './fixture-paths.js';
import { copyFolder } from './temp-folder.js';

const exec = promisify(execFile);

/** Runs `zhili indicators …` and returns its exit code and output, whether it succeeds or not. */
async function zhili(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--import', 'tsx', 'scripts/zhili.ts', 'indicators', ...args],
      {
        cwd: projectRoot,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('CLI: zhili indicators', function () {
  this.timeout(60_000);

  it('check prints OK with the counts for a valid folder', async () => {
    const result = await zhili('check', goodDir);
    expect(result.code).to.equal(0);
    expect(result.stdout.trim()).to.equal('OK: 4 indicators, 3 dimensions, 1 framework; 9 fixtures pass');
  });

  it('check exits 1 and prints every problem as "file pointer: message (expected X, found Y)"', async () => {
    const result = await zhili('check', path.join(brokenDir, 'bad-method-params'));
    expect(result.code).to.equal(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).to.include(
      'frameworks/small.json /methods/normalisation/range: the normalisation range is empty or reversed (expected low < high, found [100, 0])',
    );
    expect(lines.at(-1)).to.match(/^3 problems in /);
  });

  it('check also fails on a fixture whose expected value is wrong', async () => {
    const folder = await copyFolder(goodDir);
    try {
      const definition = await folder.readJson('voice/response_days.json');
      (definition.fixtures as { expected: number }[])[0]!.expected = 5;
      await folder.writeJson('voice/response_days.json', definition);
      const result = await zhili('check', folder.dir);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include(
        'voice/response_days.json /fixtures/0/expected: fixture "four and a half days" fails (expected 5, found 4.5)',
      );
    } finally {
      await folder.remove();
    }
  });

  it('new scaffolds a definition next to its dimension that passes check, and refuses to do it twice', async () => {
    const folder = await copyFolder(goodDir);
    try {
      const created = await zhili('new', 'reach', 'elder_visits', '--dir', folder.dir);
      expect(created.code).to.equal(0);
      const written = await folder.readJson('service/reach/elder_visits.json');
      expect(written).to.deep.include({ kind: 'indicator', id: 'elder_visits', dimension: 'reach' });
      expect((await zhili('check', folder.dir)).stdout).to.include('OK: 5 indicators');
      const again = await zhili('new', 'reach', 'elder_visits', '--dir', folder.dir);
      expect(again.code).to.equal(1);
      expect(again.stderr).to.include('"elder_visits" is already used by service/reach/elder_visits.json');
      const unknown = await zhili('new', 'nowhere', 'x', '--dir', folder.dir);
      expect(unknown.code).to.equal(1);
      expect(unknown.stderr).to.include('unknown dimension "nowhere"');
    } finally {
      await folder.remove();
    }
  });

  it('list --json gives ids, versions and hashes', async () => {
    const result = await zhili('list', '--json', '--dir', goodDir);
    const list = JSON.parse(result.stdout) as {
      indicators: { id: string; hash: string }[];
      frameworks: { id: string }[];
    };
    expect(list.indicators.map((i) => i.id)).to.include('grid_coverage');
    expect(list.indicators[0]?.hash).to.match(/^sha256:[0-9a-f]{64}$/);
    expect(list.frameworks.map((f) => f.id)).to.deep.equal(['small']);
  });

  it('docs writes the bilingual Markdown catalogue', async () => {
    const folder = await copyFolder(goodDir);
    try {
      const out = path.join(folder.dir, 'catalogue.md');
      const result = await zhili('docs', '--dir', goodDir, '--out', out);
      expect(result.code).to.equal(0);
      const markdown = await readFile(out, 'utf8');
      expect(markdown).to.include('# 指标目录 Indicator catalogue');
      expect(markdown).to.include('#### 覆盖 / Reach');
      expect(markdown).to.include('- 公式 Formula: `households_in_grids / households * 100`');
    } finally {
      await folder.remove();
    }
  });

  it('template writes the CSV form to stdout and refuses an unknown framework', async () => {
    const csv = await zhili('template', 'small', '--format', 'csv', '--dir', goodDir);
    expect(csv.stdout.startsWith('\uFEFFunit_code｜单位代码,period｜时期,households_in_grids｜')).to.be.true;
    const unknown = await zhili('template', 'nope', '--dir', goodDir);
    expect(unknown.code).to.equal(1);
    expect(unknown.stderr).to.include('no framework "nope"');
  });
});
